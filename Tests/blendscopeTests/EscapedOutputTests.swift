import Foundation
import XCTest

/// Notes and tags (free text, so they can hold anything a store was given) reach the terminal,
/// Markdown, LaTeX and JSON escaped: no ESC, C1 control or bidi override comes out raw.
final class EscapedOutputTests: XCTestCase {
    static let note = "x\u{1b}]0;pwned\u{07}y\u{202E}z"
    static let tag = "t\u{1b}[2J\u{9b}"

    private func sql(_ project: String, _ statement: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [project, statement]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, statement)
    }

    private func assertNoRawControls(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let raw = text.unicodeScalars.filter { [0x1b, 0x07, 0x9b, 0x202E].contains($0.value) }
        XCTAssertTrue(raw.isEmpty, "\(what) has raw controls: \(raw.map { String($0.value, radix: 16) })\n\(text)", file: file, line: line)
    }

    func testNotesReviewAndExportsShowHostileTextEscaped() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        // Straight into the store, as an older version or another tool might have left them.
        func literal(_ s: String) -> String {
            s.unicodeScalars.map { $0.value < 0x80 && $0 != "'" ? String($0) : "' || char(\($0.value)) || '" }.joined()
        }
        try sql(project, "INSERT INTO note (clip_id, text, created) VALUES (1, '\(literal(Self.note))', '2026-01-01 00:00:00');"
                + "INSERT INTO tag (clip_id, tag, created) VALUES (1, '\(literal(Self.tag))', '2026-01-01 00:00:00');")

        let notes = try CLI.run(["notes", project])
        XCTAssertEqual(notes.status, 0, notes.stderr)
        XCTAssertTrue(notes.stdout.contains("x\\u{001B}]0;pwned\\u{0007}y\\u{202E}z"), notes.stdout)
        XCTAssertTrue(notes.stdout.contains("t\\u{001B}[2J\\u{009B}"), notes.stdout)
        assertNoRawControls(notes.stdout, "notes")

        let review = try CLI.run(["review", project])
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.contains("t\\u{001B}[2J\\u{009B}"), review.stdout)
        assertNoRawControls(review.stdout, "review")

        for (format, shown) in [("md", "x\\\\u{001B}\\]0;pwned\\\\u{0007}y\\\\u{202E}z"), ("tex", "x\\textbackslash{}u\\{001B\\}]0;pwned"),
                                ("json", "x\\u001b]0;pwned\\u0007y\\u202ez")] {
            let r = try CLI.run(["export", project, "notes", "--format", format])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stdout.contains(shown), "\(format): \(r.stdout)")
            assertNoRawControls(r.stdout, format)
            let out = dir.appendingPathComponent("notes.\(format)").path
            XCTAssertEqual(try CLI.run(["export", project, "notes", "--out", out]).status, 0)
            assertNoRawControls(try String(contentsOfFile: out, encoding: .utf8), "notes.\(format)")
        }
        for verb in [["notes", project, "--json"], ["review", project, "--json"]] {
            let r = try CLI.run(verb)
            XCTAssertEqual(r.status, 0, r.stderr)
            assertNoRawControls(r.stdout, verb.joined(separator: " "))
        }
        // CSV into a pipe or a file is data, kept as it was.
        let csv = try CLI.run(["export", project, "notes"])
        XCTAssertTrue(csv.stdout.contains(Self.note), csv.stdout)
    }

    func testErrorMessagesQuotingUserTextAreEscaped() throws {
        let project = try HandProject.make(in: try CLI.scratchDirectory(self))
        let r = try CLI.run(["note", project, "A9_sad\u{1b}]0;pwned\u{07}", "--text", "x"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("\\u{001B}]0;pwned\\u{0007}"), r.stderr)
        assertNoRawControls(r.stderr, "the error")
    }

    func testVideoFolderListingsAreEscaped() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let videos = dir.appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: false)
        try Data().write(to: videos.appendingPathComponent("A1_mix_ang_hap_50_50_ver1\u{1b}]0;pwned\u{07}.mov"))
        let r = try CLI.run(["import", project, "--videos", videos.path])
        assertNoRawControls(r.stdout + r.stderr, "import --videos")
    }
}
