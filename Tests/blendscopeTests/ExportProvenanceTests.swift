import BlendTestSupport
import Foundation
import XCTest

/// Every export records where it came from (issue 15 item 2), and `export predictions` writes
/// the project file's `predictions` view (item 5); the submission stays the challenge's.
final class ExportProvenanceTests: XCTestCase {
    /// 2026-01-02T03:04:05Z.
    static let fixedTime = ["SOURCE_DATE_EPOCH": "1767323045"]

    private func demo() throws -> String { try SharedDemo.project() }

    func testCSVCommentsJSONObjectMarkdownAndLaTeXComments() throws {
        let project = try demo()
        let csv = try CLI.run(["export", project, "folds", "--replicates", "200", "--seed", "7"], environment: Self.fixedTime)
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let comments = csv.stdout.split(separator: "\n").prefix { $0.hasPrefix("#") }.map(String.init)
        XCTAssertEqual(comments.first, "# table: folds")
        XCTAssertTrue(comments.contains("# project: \(project)"), comments.joined(separator: "\n"))
        XCTAssertTrue(comments.contains { $0.hasPrefix("# source: encoder ") })
        XCTAssertTrue(comments.contains("# scope: all"))
        XCTAssertTrue(comments.contains("# grid: official"))
        XCTAssertTrue(comments.contains("# ci_level: 0.95"))
        XCTAssertTrue(comments.contains("# replicates: 200"))
        XCTAssertTrue(comments.contains("# seed: 7"))
        XCTAssertTrue(comments.contains { $0.hasPrefix("# blendscope: 0.1.0 (project format ") }, comments.joined(separator: "\n"))
        XCTAssertEqual(comments.last, "# created: 2026-01-02T03:04:05Z")
        let header = csv.stdout.split(separator: "\n")[comments.count]
        XCTAssertTrue(header.hasPrefix("fold,clips,alpha,beta,"), String(header))

        let bare = try CLI.run(["export", project, "folds", "--replicates", "200", "--no-comments"], environment: Self.fixedTime)
        XCTAssertTrue(bare.stdout.hasPrefix("fold,clips,"), bare.stdout)

        let json = try CLI.run(["export", project, "confusion", "--format", "json", "--alpha", "0.2"], environment: Self.fixedTime)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let provenance = try XCTUnwrap(object["provenance"] as? [String: Any])
        XCTAssertEqual(provenance["alpha"] as? Double, 0.2)
        XCTAssertEqual(provenance["thresholds"] as? String, "alpha given, beta the source's own")
        XCTAssertEqual(provenance["created"] as? String, "2026-01-02T03:04:05Z")
        XCTAssertNil(provenance["replicates"], "no intervals in a confusion table")
        XCTAssertEqual((object["rows"] as? [[String: Any]])?.count, 16)

        let md = try CLI.run(["export", project, "emotions", "--format", "md"], environment: Self.fixedTime)
        XCTAssertTrue(md.stdout.hasPrefix("<!-- blendscope export\ntable: emotions\n"), md.stdout)
        XCTAssertTrue(md.stdout.contains("-->\n\n| emotion |"), md.stdout)
        let tex = try CLI.run(["export", project, "encoders", "--format", "tex"], environment: Self.fixedTime)
        XCTAssertTrue(tex.stdout.contains("\n% thresholds: each encoder's best on the training split\n"), tex.stdout)

        // The same export at the same fixed time is the same bytes.
        let again = try CLI.run(["export", project, "folds", "--replicates", "200", "--seed", "7"], environment: Self.fixedTime)
        XCTAssertEqual(again.stdout, csv.stdout)
    }

    func testSubmissionCarriesNoProvenance() throws {
        let project = try demo()
        let r = try CLI.run(["export", project, "submission", "--split", "test"], environment: Self.fixedTime)
        XCTAssertEqual(r.status, 0, r.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(Array(object.keys), ["predictions"])
    }

    func testEncodersCarryIntervals() throws {
        let project = try demo()
        let r = try CLI.run(["export", project, "encoders", "--replicates", "200", "--no-comments"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let header = r.stdout.split(separator: "\n").first.map(String.init) ?? ""
        XCTAssertTrue(header.hasSuffix(",acc_presence_lo,acc_presence_hi,acc_salience_lo,acc_salience_hi,score_lo,score_hi,honest_score_lo,honest_score_hi"), header)
        let md = try CLI.run(["export", project, "encoders", "--replicates", "200", "--format", "md"])
        XCTAssertNotNil(md.stdout.range(of: #"\| \.\d{3} \[\.\d{3}, \.\d{3}\] \|"#, options: .regularExpression), md.stdout)
    }

    func testPredictionsExportIsTheViewInLongForm() throws {
        let project = try demo()
        let r = try CLI.run(["export", project, "predictions", "--no-comments"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stdout.split(separator: "\n")
        XCTAssertEqual(lines.first, "clip,actor,split,fold,label,encoder,ang,disg,fea,hap,sad,neu")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") else { throw XCTSkip("sqlite3 is not installed") }
        let count = try ChildProcessRun.run(URL(fileURLWithPath: "/usr/bin/sqlite3"), [project, "SELECT count(*) FROM predictions"])
        XCTAssertEqual(Int(count.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)), lines.count - 1, count.stderrText)
        let tex = try CLI.run(["export", project, "predictions", "--format", "tex"])
        XCTAssertEqual(tex.status, 64)
        XCTAssertTrue(tex.stderr.contains("predictions is data: CSV or JSON"), tex.stderr)
    }
}
