import Foundation
import XCTest

/// Issue 14 item 6: a refusal prints its one message, and only a usage error adds the usage of
/// its own verb; help text is wrapped once, to the terminal.
final class RefusalMannersTests: XCTestCase {
    func testARefusalIsOneMessageWithoutAUsageBlock() throws {
        let project = try SharedDemo.project()
        let r = try CLI.run(["eval", project, "--encoder", "HiCMA"])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no encoder named 'HiCMA' in the project (it has closest first: HiCMAE,"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Usage:"), r.stderr)
    }

    func testAUsageErrorShowsItsOwnVerbsUsage() throws {
        let project = try SharedDemo.project()
        // Found while parsing.
        let missing = try CLI.run(["import", project])
        XCTAssertEqual(missing.status, 64, missing.stderr)
        XCTAssertTrue(missing.stderr.hasPrefix("Error: give one of --metadata, --probs, --features or --videos\n"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("Usage: blendscope import [<options>] <project>"), missing.stderr)
        // Found while the verb ran (a scope with no labelled clip): the verb's usage, not the root's.
        let empty = try CLI.run(["eval", project, "--encoder", "HiCMAE", "--actor", "A9999"])
        XCTAssertEqual(empty.status, 64, empty.stderr)
        XCTAssertTrue(empty.stderr.hasPrefix("Error: no labelled clips with predictions in "), empty.stderr)
        XCTAssertTrue(empty.stderr.contains("Usage: blendscope eval [<options>] <project>"), empty.stderr)
        XCTAssertTrue(empty.stderr.contains("See 'blendscope help eval' for more information."), empty.stderr)
        XCTAssertFalse(empty.stderr.contains("<subcommand>"), empty.stderr)
    }

    /// A discussion wrapped in the source and again by ArgumentParser left a short line
    /// before a line that continues its sentence, whose first word would have fitted on it.
    func testHelpIsWrappedOnce() throws {
        let verbs = ["open", "import", "eval", "sweep", "use", "folds", "actors", "compare", "durations", "confusion",
                     "review", "note", "notes", "export", "figure", "report", "media", "demo", "bench", "fuse",
                     "weights", "jobs", "cancel", "train", "runs"]
        for verb in verbs {
            let r = try CLI.run(["help", verb], environment: ["COLUMNS": "80"])
            XCTAssertEqual(r.status, 0, "\(verb): \(r.stderr)")
            let lines = r.stdout.components(separatedBy: "\n")
            let discussion = lines.prefix { !$0.hasPrefix("USAGE:") && !$0.hasPrefix("ARGUMENTS:") && !$0.hasPrefix("OPTIONS:") }
            for (line, next) in zip(discussion, discussion.dropFirst()) {
                guard let first = next.first, first.isLowercase, !next.hasPrefix("blendscope "),
                      !line.isEmpty, !line.hasPrefix("blendscope "), !line.hasPrefix("Usage:"), !line.hasPrefix("  ") else { continue }
                // Wrapped once, the next line's first word would not have fitted on this one.
                let word = next.split(separator: " ").first?.count ?? 0
                XCTAssertGreaterThan(line.count + 1 + word, 78, "help \(verb): a ragged line before «\(next)»: «\(line)»")
            }
        }
    }
}
