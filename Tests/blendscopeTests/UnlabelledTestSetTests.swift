import BlendCore
import Foundation
import XCTest

/// The challenge's real test set as a participant has it: the real training metadata, 594
/// anonymised clips `test_0001.mov` … `test_0594.mov` with no label, and their probabilities
/// (the real HiCMAE test predictions, renamed in order), through to the submission file.
final class UnlabelledTestSetTests: XCTestCase {
    static let real = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/real")

    /// The real test rows of the probabilities file (names and values), in the file's order.
    static func realTestRows() throws -> [(name: String, values: [Double], line: String)] {
        let testNames = Set(try String(contentsOf: real.appendingPathComponent("test_metadata.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst().map { String($0.split(separator: ",")[0]) })
        let lines = try String(contentsOf: real.appendingPathComponent("probs_hicmae_kl_e100_last.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        return lines.compactMap { line in
            let fields = line.split(separator: ",").map(String.init)
            guard testNames.contains(fields[0]) else { return nil }
            return (fields[0], fields.dropFirst().compactMap(Double.init), fields.dropFirst().joined(separator: ","))
        }
    }

    func testRealTrainingPlus594UnlabelledClipsGiveTheSubmissionThatIsUploaded() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("p.sqlite").path
        let rows = try Self.realTestRows()
        XCTAssertEqual(rows.count, 594)
        let names = rows.indices.map { String(format: "test_%04d.mov", $0 + 1) }

        // The files a participant has: training metadata, test metadata (names only), one
        // probabilities file with training and test rows, and the challenge's template.
        let testMeta = dir.appendingPathComponent("test_metadata.csv")
        try (["filename"] + names).joined(separator: "\n").appending("\n").write(to: testMeta, atomically: true, encoding: .utf8)
        let trainProbs = dir.appendingPathComponent("probs_train.csv")
        let allLines = try String(contentsOf: Self.real.appendingPathComponent("probs_hicmae_kl_e100_last.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        let testSet = Set(rows.map(\.name))
        try ([String(allLines[0])] + allLines.dropFirst().filter { !testSet.contains(String($0.split(separator: ",")[0])) }.map(String.init))
            .joined(separator: "\n").appending("\n").write(to: trainProbs, atomically: true, encoding: .utf8)
        let template = dir.appendingPathComponent("submission_template.json")
        let templateText = "{\"predictions\": {" + names.reversed().map { "\"\($0)\": [{\"emotion\": \"neu\", \"salience\": 100.0}]" }
            .joined(separator: ", ") + "}}"
        try templateText.write(to: template, atomically: true, encoding: .utf8)

        let meta = try CLI.run(["import", project, "--metadata", Self.real.appendingPathComponent("train_metadata.csv").path,
                                "--metadata", testMeta.path])
        XCTAssertEqual(meta.status, 0, meta.stderr)
        XCTAssertTrue(meta.stdout.contains("test 594 (594 unlabelled)"), meta.stdout)
        // One file with every row, as the real predictions come: training and test together.
        let both = dir.appendingPathComponent("probs_all.csv")
        try ((try String(contentsOf: trainProbs, encoding: .utf8)) + zip(names, rows).map { "\($0),\($1.line)\n" }.joined())
            .write(to: both, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["import", project, "--probs", both.path, "--encoder", "HiCMAE"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("test 594"), imported.stdout)
        XCTAssertEqual(try CLI.run(["use", project, "--encoder", "HiCMAE", "--alpha", "0.1", "--beta", "0.2"]).status, 0)

        // The submission: every test clip under its file name, decoded by the rule.
        let out = dir.appendingPathComponent("predictions.json").path
        let export = try CLI.run(["export", project, "submission", "--split", "test", "--template", template.path, "--out", out])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("594 clips of test (594 unlabelled)"), export.stdout)
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let predictions = try XCTUnwrap(written?["predictions"] as? [String: [[String: Any]]])
        XCTAssertEqual(written?.count, 1)
        XCTAssertEqual(Set(predictions.keys), Set(names))
        for (name, row) in zip(names, rows) {
            let expected = row.values.withUnsafeBufferPointer { DecisionRule.decide($0, alpha: 0.1, beta: 0.2) }
            let entries = try XCTUnwrap(predictions[name])
            var got: [String: Double] = [:]
            for e in entries { got[try XCTUnwrap(e["emotion"] as? String)] = try XCTUnwrap(e["salience"] as? Double) }
            var want: [String: Double] = [expected.first.code: Double(expected.firstSalience)]
            if let s = expected.second { want[s.code] = Double(expected.secondSalience) }
            XCTAssertEqual(got, want, "\(name) (\(row.name))")
        }
        let check = try CLI.run(["export", project, "submission", "--check", out, "--template", template.path])
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.stdout.contains("a valid submission, 594 names"), check.stdout)

        // Metrics count the labelled clips only and say what they left out.
        let eval = try CLI.json(["eval", project, "--json"])
        XCTAssertEqual(eval["clips"] as? Int, 2456)
        XCTAssertEqual(eval["unlabelled"] as? Int, 594)
        let text = try CLI.run(["eval", project])
        XCTAssertTrue(text.stdout.contains("594 unlabelled test clips not scored"), text.stdout)
        XCTAssertNil(try CLI.json(["eval", project, "--json", "--split", "train"])["unlabelled"])
        let testOnly = try CLI.run(["eval", project, "--split", "test"])
        XCTAssertNotEqual(testOnly.status, 0)
        XCTAssertTrue(testOnly.stderr.contains("no labelled clips with predictions in test (594 unlabelled test clips not scored)"),
                      testOnly.stderr)
    }

    func testTemplateMismatchIsRefusedListingMissingAndExtraNames() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("p.sqlite").path
        let meta = dir.appendingPathComponent("test.csv"), probs = dir.appendingPathComponent("probs.csv")
        try "filename\ntest_0001.mov\ntest_0002.mov\n".write(to: meta, atomically: true, encoding: .utf8)
        try "filename,ang,disg,fea,hap,sad,neu\ntest_0001.mov,0.5,0.1,0.1,0.1,0.1,0.1\ntest_0002.mov,0.1,0.1,0.1,0.6,0.1,0\n"
            .write(to: probs, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["import", project, "--metadata", meta.path]).status, 0)
        XCTAssertEqual(try CLI.run(["import", project, "--probs", probs.path, "--encoder", "e"]).status, 0)
        let template = dir.appendingPathComponent("t.json")
        try "{\"predictions\": {\"test_0001.mov\": [], \"test_0003.mov\": []}}".write(to: template, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("s.json")
        // Test clips only: nothing to choose thresholds on, so they must be given (or stored).
        let unchosen = try CLI.run(["export", project, "submission", "--encoder", "e", "--out", out.path])
        XCTAssertNotEqual(unchosen.status, 0)
        XCTAssertTrue(unchosen.stderr.contains("encoder e has no stored thresholds and no training clips to choose them on: give --alpha and --beta"),
                      unchosen.stderr)
        XCTAssertEqual(try CLI.run(["use", project, "--encoder", "e", "--alpha", "0.1", "--beta", "0.2"]).status, 0)
        let r = try CLI.run(["export", project, "submission", "--encoder", "e", "--template", template.path, "--out", out.path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("1 missing: test_0003.mov"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 extra: test_0002.mov"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))

        // --check: a written file passes; a broken one is refused with the key and the reason.
        let good = try CLI.run(["export", project, "submission", "--encoder", "e", "--out", out.path])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertEqual(try CLI.run(["export", project, "submission", "--encoder", "e", "--check", out.path]).status, 0)
        let bad = dir.appendingPathComponent("bad.json")
        try "{\"predictions\": {\"test_0001.mov\": [{\"emotion\": \"ang\", \"salience\": 60.0}, {\"emotion\": \"hap\", \"salience\": 40.0}], \"test_0002.mov\": [{\"emotion\": \"hap\", \"salience\": 100.0}]}}"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try CLI.run(["export", project, "submission", "--encoder", "e", "--check", bad.path])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("\"test_0001.mov\": blend saliences must be 50/50 or 70/30"), refused.stderr)
    }
}
