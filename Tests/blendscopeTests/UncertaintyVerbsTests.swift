import BlendCore
import Foundation
import XCTest

/// Intervals, `compare` and the two tests through the binary.
final class UncertaintyVerbsTests: XCTestCase {
    private func interval(_ any: Any?, file: StaticString = #filePath, line: UInt = #line) -> [Double] {
        guard let a = any as? [Double], a.count == 2 else {
            XCTFail("not an interval: \(String(describing: any))", file: file, line: line)
            return [.nan, .nan]
        }
        return a
    }

    func testEvalAndSweepCarryIntervalsThatRepeatWithTheSeed() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let r = try CLI.json(["eval", project, "--json"])
        let ci = try XCTUnwrap(r["ci"] as? [String: Any])
        XCTAssertEqual(ci["level"] as? Double, 0.95)
        XCTAssertEqual(ci["replicates"] as? Int, 2000)
        XCTAssertEqual(ci["seed"] as? Int, 1)
        for key in ["acc_presence", "acc_salience", "score"] {
            let i = interval(ci[key])
            let x = try XCTUnwrap(r[key] as? Double)
            XCTAssertLessThanOrEqual(i[0], i[1], key)
            XCTAssertTrue(i[0] <= x + 0.05 && x - 0.05 <= i[1], "\(key) \(x) far outside \(i)")
        }
        let again = try CLI.run(["eval", project, "--json"])
        let text = try CLI.run(["eval", project])
        XCTAssertEqual(try CLI.run(["eval", project, "--json"]).stdout, again.stdout, "the same seed gives the same bits")
        XCTAssertTrue(text.stdout.contains("Score ."), text.stdout)
        XCTAssertTrue(text.stdout.contains(" ["), text.stdout)
        let other = try CLI.json(["eval", project, "--json", "--seed", "2", "--ci", "0.8", "--replicates", "500"])
        XCTAssertEqual((other["ci"] as? [String: Any])?["level"] as? Double, 0.8)

        let s = try CLI.json(["sweep", project, "--json"])
        let alpha = interval(s["alpha_ci"]), beta = interval(s["beta_ci"]), plateau = interval(s["beta_plateau"])
        XCTAssertLessThanOrEqual(alpha[0], alpha[1])
        XCTAssertLessThanOrEqual(beta[0], beta[1])
        let b = try XCTUnwrap(s["beta"] as? Double)
        XCTAssertTrue(plateau[0] <= b && b <= plateau[1], "the best β lies on its own plateau")
        XCTAssertNotNil(s["ci"] as? [String: Any])
    }

    func testBadIntervalSettingsAreRefusedAndLeaveTheProjectAlone() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let before = try Data(contentsOf: URL(fileURLWithPath: project))
        for (args, message) in [(["--ci", "1"], "--ci must be a level strictly between 0 and 1"),
                                (["--ci", "nan"], "--ci must be a level strictly between 0 and 1"),
                                (["--replicates", "99"], "--replicates must be 100–100000"),
                                (["--replicates", "100001"], "--replicates must be 100–100000"),
                                (["--seed", "-3"], "--seed")] {
            for verb in ["eval", "sweep", "folds", "actors", "open"] {
                try CLI.assertRefused([verb, project] + args, saying: message)
            }
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: project)), before)
    }

    func testCompareASourceWithItselfFindsNothing() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let r = try CLI.json(["compare", project, "--encoder", "face", "--encoder", "face", "--json"])
        let delta = try XCTUnwrap(r["delta"] as? [String: Double])
        XCTAssertEqual(delta, ["acc_presence": 0, "acc_salience": 0, "score": 0])
        let ci = try XCTUnwrap(r["delta_ci"] as? [String: [Double]])
        XCTAssertEqual(ci, ["acc_presence": [0, 0], "acc_salience": [0, 0], "score": [0, 0]])
        XCTAssertEqual(r["p_value"] as? [String: Double], ["acc_presence": 1, "acc_salience": 1, "score": 1])
        XCTAssertEqual(r["mcnemar_p"] as? Double, 1)
        XCTAssertEqual((r["only_a_right"] as? [Any])?.count, 0)
        XCTAssertEqual((r["by_actor"] as? [Any])?.count, 0)
    }

    func testCompareTwoSourcesOrdersThemAsNamed() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let ab = try CLI.json(["compare", project, "--encoder", "face", "--encoder", "audio", "--json"])
        let ba = try CLI.json(["compare", project, "--encoder", "audio", "--encoder", "face", "--json", "--alpha-a", "0.2"])
        XCTAssertEqual((ab["a"] as? [String: Any])?["source"] as? String, "encoder face")
        XCTAssertEqual((ba["a"] as? [String: Any])?["source"] as? String, "encoder audio")
        XCTAssertEqual((ba["a"] as? [String: Any])?["alpha"] as? Double, 0.2)
        let onlyA = try XCTUnwrap(ab["only_a_right"] as? [[String: Any]])
        let onlyB = try XCTUnwrap(ab["only_b_right"] as? [[String: Any]])
        let byKind = try XCTUnwrap(ab["by_kind"] as? [[String: Any]])
        XCTAssertEqual(byKind.reduce(0) { $0 + ($1["only_a_right"] as? Int ?? 0) }, onlyA.count)
        XCTAssertEqual(byKind.reduce(0) { $0 + ($1["only_b_right"] as? Int ?? 0) }, onlyB.count)
        let p = try XCTUnwrap(ab["mcnemar_p"] as? Double)
        XCTAssertEqual(p, McNemar.exactP(onlyA: onlyA.count, onlyB: onlyB.count), accuracy: 1e-12)
        let text = try CLI.run(["compare", project, "--encoder", "face", "--encoder", "audio"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("McNemar exact p"), text.stdout)
        try CLI.assertRefused(["compare", project, "--encoder", "face"], saying: "name exactly two sources")
    }

    func testActorsAndFoldsTests() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let a = try CLI.json(["actors", project, "--test", "--min-blends", "1", "--replicates", "200", "--json"])
        let test = try XCTUnwrap(a["test"] as? [String: Any])
        let p = try XCTUnwrap(test["p_value"] as? Double)
        XCTAssertTrue(p > 0 && p <= 1)
        XCTAssertEqual(test["permutations"] as? Int, 200)
        XCTAssertTrue((test["sentence"] as? String)?.contains("actor-dependent β") == true)
        let row = try XCTUnwrap((a["actors"] as? [[String: Any]])?.first)
        XCTAssertNotNil(row["ci"] as? [String: Any])
        XCTAssertNotNil(row["interval_explanation"] as? String)

        let f = try CLI.json(["folds", project, "--test", "--replicates", "200", "--json"])
        let ft = try XCTUnwrap(f["test"] as? [String: Any])
        XCTAssertEqual((ft["fold_betas"] as? [Double])?.count, (f["folds"] as? [Any])?.count)
        XCTAssertNotNil(ft["statistic"] as? Double)
        XCTAssertNotNil(f["honest_score_ci"] as? [Double])
        let text = try CLI.run(["folds", project, "--test", "--replicates", "200"])
        XCTAssertTrue(text.stdout.contains("Fold test (200 permutations)"), text.stdout)
    }
}

/// Exports carry the intervals: bounds as columns in CSV, `.207 [.188, .226]` in Markdown.
final class UncertaintyExportTests: XCTestCase {
    func testFoldsAndCompareExportsCarryIntervals() throws {
        let project = try HandProject.publicSet(in: CLI.scratchDirectory(self))
        let csv = try CLI.run(["export", project, "folds", "--format", "csv", "--replicates", "200", "--no-comments"])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        let header = csv.stdout.split(separator: "\n").first.map { $0.split(separator: ",").map(String.init) } ?? []
        XCTAssertEqual(Array(header.prefix(13)).last, "baseline_score", "point columns keep their places")
        for key in ["score_lo", "score_hi", "honest_score_lo", "honest_score_hi", "acc_presence_lo"] {
            XCTAssertTrue(header.contains(key), "\(key) in \(header)")
        }
        let md = try CLI.run(["export", project, "folds", "--format", "md", "--replicates", "200"])
        XCTAssertFalse(md.stdout.contains("score_lo"))
        XCTAssertNotNil(md.stdout.range(of: #"\.\d{3} \[-?\.\d{3}, -?\.\d{3}\]"#, options: .regularExpression), md.stdout)

        let same = try CLI.run(["export", project, "compare", "--encoder", "face", "--encoder-b", "face", "--format", "csv", "--no-comments"])
        XCTAssertEqual(same.status, 0, same.stderr)
        let rows = same.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        XCTAssertEqual(rows.first, ["metric", "a", "b", "delta", "p_value", "delta_lo", "delta_hi"])
        XCTAssertEqual(rows.dropFirst().map { Array($0.suffix(4)) }, Array(repeating: ["0.0", "1.0", "0.0", "0.0"], count: 3))
        let tex = try CLI.run(["export", project, "compare", "--encoder", "face", "--encoder-b", "audio", "--format", "tex"])
        XCTAssertEqual(tex.status, 0, tex.stderr)
        XCTAssertTrue(tex.stdout.contains("McNemar exact p"), tex.stdout)
        let missingB = try CLI.run(["export", project, "compare", "--encoder", "face"])
        XCTAssertNotEqual(missingB.status, 0)
        XCTAssertTrue(missingB.stderr.contains("compare needs source B"), missingB.stderr)
    }
}
