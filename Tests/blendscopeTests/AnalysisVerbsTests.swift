import Foundation
import XCTest
import BlendCore
import BlendStore

/// folds, actors and confusion through the binary, on the hand-made project (answers worked
/// out by hand in `HandProject`) and on the public set (against the library).
final class AnalysisVerbsTests: XCTestCase {
    private func number(_ object: Any?, file: StaticString = #filePath, line: UInt = #line) -> Double {
        guard let x = object as? Double else { XCTFail("not a number: \(String(describing: object))", file: file, line: line); return .nan }
        return x
    }

    func testFoldsOnTheHandMadeProject() throws {
        let project = try HandProject.make(in: CLI.scratchDirectory(self))
        let r = try CLI.json(["folds", project, "--json"])
        let folds = try XCTUnwrap(r["folds"] as? [[String: Any]])
        XCTAssertEqual(folds.map { $0["fold"] as? Int }, [0, 1, 2], "test clips belong to no fold")
        func cell(_ f: Int, _ key: String) -> [String: Any] { folds[f][key] as! [String: Any] }
        // Own optima: A1 needs β ≥ .2 and < .3 (first: .2395); A2 β .05; A3 has no blend.
        XCTAssertEqual(folds.map { number(($0["own"] as! [String: Any])["beta"]) }, [HandProject.beta2395, 0.05, 0.05])
        XCTAssertEqual(folds.map { number(($0["own"] as! [String: Any])["score"]) }, [1, 1, 0.5])
        // Chosen on the others: folds 1+2 want β .05, folds 0+2 and 0+1 want .2395.
        XCTAssertEqual(number(cell(0, "chosen_on_others")["beta"]), 0.05)
        XCTAssertEqual(number(cell(1, "chosen_on_others")["beta"]), HandProject.beta2395)
        XCTAssertEqual(number(cell(2, "chosen_on_others")["score"]), (1 + 4.0 / 6) / 2, accuracy: 1e-12)
        // Held out: A1 gets one blend of four right at β .05, A2 none at .2395, A3 ACC_P only.
        XCTAssertEqual(folds.map { number(($0["honest"] as! [String: Any])["score"]) }, [0.625, 0.5, 0.5])
        XCTAssertEqual(number(r["optimistic_score"]), 2.5 / 3, accuracy: 1e-12)
        XCTAssertEqual(number(r["honest_score"]), 1.625 / 3, accuracy: 1e-12)
        XCTAssertEqual(number(r["gap"]), 0.875 / 3, accuracy: 1e-12)
        XCTAssertEqual(r["baseline_fold"] as? Int, 0, "folds 0 and 1 tie at 1; the first wins")
        XCTAssertEqual(number(r["baseline_score"]), 2.0 / 3, accuracy: 1e-12)
        let beta = try XCTUnwrap(r["beta_spread"] as? [String: Any])
        XCTAssertEqual(number(beta["max"]), HandProject.beta2395)

        let text = try CLI.run(["folds", project])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("honest      Score .542"), text.stdout)
        XCTAssertTrue(text.stdout.contains("(gap .292)"), text.stdout)
    }

    func testActorWhoseBestBetaProvablyDiffersThroughTheBinary() throws {
        let project = try HandProject.make(in: CLI.scratchDirectory(self))
        let r = try CLI.json(["actors", project, "--alpha", "0.1", "--json"])
        XCTAssertEqual(number(r["best_beta"]), HandProject.beta2395)
        let actors = try XCTUnwrap(r["actors"] as? [[String: Any]])
        XCTAssertEqual(actors.map { $0["actor"] as? String }, ["A2", "A1", "A9", "A3"],
                       "farthest first, ties by name; A3 (no blend) has no best β and comes last")
        XCTAssertEqual(number(actors[0]["best_beta"]), 0.05)
        XCTAssertEqual(number(actors[0]["distance"]), HandProject.beta2395 - 0.05, accuracy: 1e-15)
        XCTAssertEqual(number(actors[0]["acc_salience_at_best"]), 1)
        XCTAssertEqual(number(actors[0]["acc_salience_at_global"]), 0)
        XCTAssertEqual(actors[0]["flips"] as? Int, 2)
        XCTAssertEqual(actors[0]["explanation"] as? String,
                       "A2's 70/30 blends have a median margin of 0.07 against 0.08 overall: any β above 0.07 calls most of them 50/50.")
        XCTAssertEqual(number(actors[1]["distance"]), 0)
        XCTAssertEqual(actors.map { $0["fold"] as? String }, ["1", "0", "test", "2"])
        XCTAssertTrue(actors[3]["best_beta"] is NSNull || actors[3]["best_beta"] == nil)

        let detail = try CLI.json(["actors", project, "--actor", "A2", "--alpha", "0.1", "--json"])
        let a2 = try XCTUnwrap(detail["actor"] as? [String: Any])
        let curve = try XCTUnwrap(a2["curve"] as? [[String: Any]])
        XCTAssertEqual(curve.prefix(5).map { $0["salience_hits"] as? Int }, [2, 0, 0, 0, 0])
        XCTAssertEqual(curve.prefix(7).map { number($0["all_acc_salience"]) }, [4, 2, 3, 3, 5, 5, 4].map { Double($0) / 7 })
        let flips = try XCTUnwrap(a2["flips"] as? [[String: Any]])
        XCTAssertEqual(flips.map { $0["clip"] as? String }, ["A2_mix_ang_hap_70_30_ver1", "A2_mix_ang_hap_70_30_ver2"])
        XCTAssertEqual(flips.map { $0["at_global"] as? String }, ["ang=hap", "ang=hap"])
        XCTAssertEqual(flips.map { $0["at_actor"] as? String }, ["ang>hap", "ang>hap"])
        XCTAssertEqual(flips.map { $0["becomes_correct"] as? Bool }, [true, true])
        let uneven = try XCTUnwrap(a2["uneven_margins"] as? [String: Any])
        XCTAssertEqual(uneven["count"] as? Int, 2)
        XCTAssertEqual(number(uneven["median"]), 0.07, accuracy: 1e-9)

        let text = try CLI.run(["actors", project, "--actor", "A2", "--alpha", "0.1"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("best β 0.0500 for A2 against 0.2395 for all (|Δβ| 0.1895)"), text.stdout)
        XCTAssertTrue(text.stdout.contains("◀ best for A2"), text.stdout)
        XCTAssertTrue(text.stdout.contains("A2_mix_ang_hap_70_30_ver1  ang>hap  ang=hap      ang>hap"), text.stdout)
        try CLI.assertRefused(["actors", project, "--actor", "A7"], saying: "no predictions for actor 'A7'")
    }

    func testConfusionOnTheHandMadeProject() throws {
        let project = try HandProject.make(in: CLI.scratchDirectory(self))
        // The project's current thresholds: α .1, β .2395.
        let r = try CLI.json(["confusion", project, "--json"])
        let metrics = try XCTUnwrap(r["metrics"] as? [String: Any])
        XCTAssertEqual(number(metrics["acc_presence"]), 1)
        XCTAssertEqual(number(metrics["acc_salience"]), 5.0 / 7, accuracy: 1e-15)
        let presence = try XCTUnwrap(r["presence"] as? [String: Any])
        let cells = try XCTUnwrap(presence["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { "\($0["true"]!)→\($0["predicted"]!):\($0["count"]!)" },
                       ["hap→hap:1", "sad→sad:1", "ang+hap→ang+hap:6", "ang+sad→ang+sad:1"])
        XCTAssertEqual(cells[3]["clips"] as? [String], ["A9_mix_ang_sad_50_50_ver1"])
        let salience = try XCTUnwrap(r["salience"] as? [String: Any])
        XCTAssertEqual(salience["counts"] as? [[Int]], [[4, 0, 0], [2, 1, 0], [0, 0, 0]],
                       "A2's two 70/30 blends are called 50/50")
        let emotions = try XCTUnwrap(r["per_emotion"] as? [[String: Any]])
        XCTAssertEqual(emotions.map { $0["true_positives"] as? Int }, [7, 0, 0, 7, 2, 0])

        let test = try CLI.json(["confusion", project, "--split", "test", "--json"])
        XCTAssertEqual((test["metrics"] as? [String: Any])?["clips"] as? Int, 2)
        let text = try CLI.run(["confusion", project, "--rates"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("70/30   .667   .333"), text.stdout)
    }

    func testFoldsAndConfusionMatchTheLibraryOnThePublicSet() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.publicSet(in: dir)
        let store = try ProjectStore(path: project, create: false)
        let face = try store.scoredClips(encoder: "face")
        let report = try XCTUnwrap(SweepIndex(face).plan(.official).foldReport())
        let r = try CLI.json(["folds", project, "--encoder", "face", "--json"])
        XCTAssertEqual(number(r["honest_score"]), report.honestScore, accuracy: 1e-15)
        XCTAssertEqual(number(r["optimistic_score"]), report.optimisticScore, accuracy: 1e-15)
        XCTAssertGreaterThan(number(r["gap"]), 0, "tuning on the scored clips flatters them")
        let spread = try XCTUnwrap(r["beta_spread"] as? [String: Any])
        XCTAssertGreaterThan(number(spread["max"]) - number(spread["min"]), 0.4, "β swings across folds")

        let t = Thresholds(alpha: 0.12, beta: 0.43)
        let tables = face.filter { $0.split == .test }.confusionTables(at: t)
        let c = try CLI.json(["confusion", project, "--encoder", "face", "--split", "test", "--alpha", "0.12", "--beta", "0.43", "--json"])
        let counts = try XCTUnwrap((c["presence"] as? [String: Any])?["counts"] as? [[Int]])
        XCTAssertEqual(counts, (0..<16).map { row in (0..<16).map { tables.presence.count(row: row, column: $0) } })
    }
}
