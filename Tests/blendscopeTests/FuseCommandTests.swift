import BlendCore
import Foundation
import XCTest
@testable import BlendStore

/// `fuse` and `weights` through the real binary.
final class FuseCommandTests: XCTestCase {
    private func project() throws -> String {
        try FusionProjectCLI.make(.synthetic(clipCount: 240, encoders: [
            SyntheticEncoder(name: "face", strength: 0.7),
            SyntheticEncoder(name: "voice", strength: 0.4, classSkill: [1.5, 1.5, 0.5, 0.5, 1, 1]),
            SyntheticEncoder(name: "noise", strength: 0),
        ], seed: 51), in: CLI.scratchDirectory(self))
    }

    func testFuseStreamsProgressThenSavesAFusionThatEvalReproduces() throws {
        let project = try project()
        let r = try CLI.run(["fuse", project, "--rounds", "6", "--as", "g6", "--group", "seen=face,voice", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = try FusionProjectCLI.lines(r.stdout)
        XCTAssertGreaterThanOrEqual(lines.count, 2)
        XCTAssertTrue(lines.dropLast().allSatisfy { $0["event"] as? String == "progress" })
        let last = try XCTUnwrap(lines.last)
        XCTAssertEqual(last["event"] as? String, "result")
        let result = try XCTUnwrap(last["result"] as? [String: Any])
        XCTAssertEqual(result["saved"] as? String, "g6")
        let report = try XCTUnwrap(result["report"] as? [String: Any])
        XCTAssertEqual(report["encoders"] as? [String], ["face", "voice", "noise"])
        let weights = try XCTUnwrap(report["weights"] as? [Double])
        XCTAssertEqual(weights.reduce(0, +), 1, accuracy: 1e-9)
        let honest = try XCTUnwrap((report["honest"] as? [String: Any])?["score"] as? Double)
        let inSample = try XCTUnwrap((report["in_sample"] as? [String: Any])?["score"] as? Double)
        let shares = try XCTUnwrap(result["shares"] as? [[String: Any]])
        XCTAssertEqual(shares.first?["group"] as? String, "seen")
        XCTAssertEqual(try XCTUnwrap(shares.first?["share"] as? Double), weights[0] + weights[1], accuracy: 1e-9)

        // The saved fusion is a source: eval at its thresholds on the training split gives the pooled metrics.
        let store = try ProjectStore(path: project, create: false)
        let saved = try store.fusion(named: "g6")
        // JSONSerialization may read the last bit of a Double differently; the store has the exact value.
        XCTAssertEqual(try XCTUnwrap(saved.spec.honestScore), honest, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(saved.spec.inSampleScore), inSample, accuracy: 1e-12)
        let eval = try CLI.json(["eval", project, "--fusion", "g6", "--split", "train", "--alpha", "\(saved.spec.thresholds.alpha)",
                                 "--beta", "\(saved.spec.thresholds.beta)", "--json"])
        let pooled = try XCTUnwrap(report["pooled"] as? [String: Any])
        XCTAssertEqual(eval["clips"] as? Int, pooled["clips"] as? Int)
        let hits = try XCTUnwrap(pooled["presence_hits"] as? Int)
        XCTAssertEqual(try XCTUnwrap(eval["acc_presence"] as? Double), Double(hits) / Double(try XCTUnwrap(pooled["clips"] as? Int)),
                       accuracy: 1e-15)
        let sweep = try CLI.json(["sweep", project, "--fusion", "g6", "--split", "train", "--json"])
        XCTAssertEqual(try XCTUnwrap(sweep["alpha"] as? Double), saved.spec.thresholds.alpha, accuracy: 1e-12)
        XCTAssertEqual(try CLI.run(["use", project, "--fusion", "g6"]).status, 0)

        let jobs = try CLI.run(["jobs", project, "--json"])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jobs.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.first?["kind"] as? String, "fuse")
        XCTAssertEqual(list.first?["status"] as? String, "succeeded")
    }

    func testFuseTextShowsHonestBesideInSample() throws {
        let project = try project()
        let r = try CLI.run(["fuse", project, "--method", "coordinate", "--step", "0.25", "--per-fold"])
        XCTAssertEqual(r.status, 0, r.stderr)
        for expected in ["per-fold, weights averaged", "in-sample", "honest", "equal weights", "best single: face",
                         "path on fold 0", "not saved"] {
            XCTAssertTrue(r.stdout.contains(expected), "missing '\(expected)' in:\n\(r.stdout)")
        }
        XCTAssertTrue(try ProjectStore(path: project, create: false).fusions().isEmpty)
    }

    func testBadFuseRequestsAreRefusedBeforeAnyJob() throws {
        let project = try project()
        let store = try ProjectStore(path: project, create: false)
        let before = try store.contentSnapshot()
        let cases: [([String], String)] = [
            (["--encoders", "face,nope"], "no encoder named 'nope'"),
            (["--method", "simplex", "--step", "0.3"], "must divide 1"),
            (["--method", "simplex", "--step", "0.001"], "points; at the measured cost that is about"),
            (["--rounds", "0"], "--rounds must be a whole number in [1, 100000], got 0"),
            (["--group", "x=face,nope"], "group 'x' names 'nope'"),
            (["--method", "annealing"], "annealing"),
        ]
        for (arguments, message) in cases {
            let r = try CLI.run(["fuse", project] + arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "expected '\(message)' in: \(r.stderr)")
            XCTAssertEqual(try store.contentSnapshot(), before, "\(arguments) changed the project")
        }
    }

    func testWeightsAreSetRenormalisedAndSavedOrRefusedWithNothingStored() throws {
        let project = try project()
        XCTAssertEqual(try CLI.run(["fuse", project, "--rounds", "3", "--as", "f"]).status, 0)
        let store = try ProjectStore(path: project, create: false)
        let before = try store.contentSnapshot()
        let refused: [(String, String)] = [
            ("face=-0.2", "negative"), ("face=abc", "not a number"), ("nope=0.3", "no encoder named 'nope'"),
            ("face=0,voice=0,noise=0", "every weight would be 0"), ("face", "not encoder=weight"), ("face=1,face=2", "given twice"),
            ("face=nan", "not a number"),
        ]
        for (set, message) in refused {
            let r = try CLI.run(["weights", project, "f", "--set", set])
            XCTAssertNotEqual(r.status, 0, set)
            XCTAssertTrue(r.stderr.contains(message), "expected '\(message)' in: \(r.stderr)")
            XCTAssertEqual(try store.contentSnapshot(), before, "\(set) changed the project")
        }
        XCTAssertNotEqual(try CLI.run(["weights", project, "missing"]).status, 0)

        let shown = try CLI.json(["weights", project, "f", "--json"])
        XCTAssertEqual(shown["changed"] as? Bool, false)
        XCTAssertEqual(try store.contentSnapshot(), before, "showing changed the project")

        let set = try CLI.json(["weights", project, "f", "--set", "face=3,voice=1,noise=0", "--json"])
        XCTAssertEqual(set["changed"] as? Bool, true)
        let saved = try store.fusion(named: "f")
        XCTAssertEqual(saved.spec.method, "manual")
        XCTAssertEqual(saved.spec.weights.map(\.weight), [0.75, 0.25, 0])
        let thresholds = try XCTUnwrap(set["thresholds"] as? [String: Double])
        XCTAssertEqual(saved.spec.thresholds.alpha, try XCTUnwrap(thresholds["alpha"]), accuracy: 1e-12)
        XCTAssertEqual(saved.spec.thresholds.beta, try XCTUnwrap(thresholds["beta"]), accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(saved.spec.honestScore), try XCTUnwrap((set["honest"] as? [String: Any])?["score"] as? Double),
                       accuracy: 1e-12)
    }

    /// `fuse` and `weights` put intervals beside the honest and in-sample figures, text and JSON.
    func testFuseAndWeightsCarryIntervals() throws {
        let project = try project()
        let r = try CLI.run(["fuse", project, "--rounds", "3", "--as", "f", "--replicates", "300", "--seed", "4", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let result = try XCTUnwrap(try FusionProjectCLI.lines(r.stdout).last?["result"] as? [String: Any])
        let report = try XCTUnwrap(result["report"] as? [String: Any])
        let honestCI = try XCTUnwrap(result["honest_ci"] as? [String: Any])
        XCTAssertEqual(honestCI["replicates"] as? Int, 300)
        XCTAssertEqual(honestCI["seed"] as? Int, 4)
        let score = try XCTUnwrap(honestCI["score"] as? [Double])
        let pooled = try XCTUnwrap(result["honest_pooled"] as? [String: Any])
        let folds = try XCTUnwrap(report["folds"] as? [[String: Any]])
        let heldOutClips = folds.compactMap { ($0["held_out"] as? [String: Any])?["clips"] as? Int }.reduce(0, +)
        XCTAssertEqual(pooled["clips"] as? Int, heldOutClips)
        let point = try XCTUnwrap(pooled["score"] as? Double)
        XCTAssertTrue(score[0] <= point && point <= score[1], "\(score) \(point)")
        XCTAssertNotNil(result["in_sample_ci"] as? [String: Any])

        let text = try CLI.run(["fuse", project, "--rounds", "3"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("honest: the nested decisions pooled"), text.stdout)
        XCTAssertTrue(text.stdout.contains(" ["), text.stdout)

        let weights = try CLI.json(["weights", project, "f", "--ci", "0.9", "--json"])
        XCTAssertEqual((weights["honest_ci"] as? [String: Any])?["level"] as? Double, 0.9)
        XCTAssertNotNil(weights["at_previous_thresholds_ci"] as? [String: Any])
        let shown = try CLI.run(["weights", project, "f"])
        XCTAssertTrue(shown.stdout.contains("90% intervals") == false && shown.stdout.contains("95% intervals"), shown.stdout)
    }
}
