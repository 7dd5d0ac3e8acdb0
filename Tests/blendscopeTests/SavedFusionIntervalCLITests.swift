import BlendCore
import Foundation
import XCTest
@testable import BlendStore

/// A saved fusion's stored honest Score through `weights`: its interval is the one `fuse`
/// printed for the run (the same definition over the choices stored with the fusion); a
/// fusion saved before they were kept shows `—` and why, in text and JSON.
final class SavedFusionIntervalCLITests: XCTestCase {
    private func project() throws -> String {
        try FusionProjectCLI.make(.synthetic(clipCount: 240, encoders: [
            SyntheticEncoder(name: "face", strength: 0.7),
            SyntheticEncoder(name: "voice", strength: 0.4, classSkill: [1.5, 1.5, 0.5, 0.5, 1, 1]),
        ], seed: 52), in: CLI.scratchDirectory(self))
    }

    func testWeightsShowsTheSavedHonestScoreWithTheIntervalFusePrinted() throws {
        let project = try project()
        let r = try CLI.run(["fuse", project, "--rounds", "3", "--as", "f", "--replicates", "300", "--seed", "4", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let result = try XCTUnwrap(try FusionProjectCLI.lines(r.stdout).last?["result"] as? [String: Any])
        let fuseCI = try XCTUnwrap((result["honest_ci"] as? [String: Any])?["score"] as? [Double])
        let honest = try XCTUnwrap(((result["report"] as? [String: Any])?["honest"] as? [String: Any])?["score"] as? Double)

        let shown = try CLI.json(["weights", project, "f", "--replicates", "300", "--seed", "4", "--json"])
        let saved = try XCTUnwrap(shown["saved_honest"] as? [String: Any])
        XCTAssertEqual(try XCTUnwrap(saved["score"] as? Double), honest, accuracy: 1e-12)
        let ci = try XCTUnwrap(saved["ci"] as? [String: Any])
        XCTAssertEqual(ci["replicates"] as? Int, 300)
        XCTAssertEqual(try XCTUnwrap(ci["score"] as? [Double]), fuseCI)
        XCTAssertNil(saved["ci_unavailable"])

        let text = try CLI.run(["weights", project, "f", "--replicates", "300", "--seed", "4"])
        XCTAssertEqual(text.status, 0, text.stderr)
        let line = try XCTUnwrap(text.stdout.split(separator: "\n").first { $0.hasPrefix("saved honest Score ") })
        XCTAssertTrue(line.contains(" [") && line.contains("weights and α/β chosen on the other folds"), String(line))
    }

    func testAFusionSavedBeforeShowsWhyItHasNoInterval() throws {
        let project = try project()
        XCTAssertEqual(try CLI.run(["fuse", project, "--rounds", "3", "--as", "f"]).status, 0)
        do {
            // As an older blendscope saved it: the folds without their held-out choices.
            let store = try ProjectStore(path: project, create: false)
            var spec = try store.fusion(named: "f").spec
            var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(try XCTUnwrap(spec.provenance).utf8)) as? [String: Any])
            json["folds"] = try XCTUnwrap(json["folds"] as? [[String: Any]]).map { fold in
                fold.filter { $0.key != "held_out_weights" && $0.key != "held_out_thresholds" }
            }
            spec.provenance = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
            _ = try store.saveFusion(spec, replace: true)
        }
        let shown = try CLI.json(["weights", project, "f", "--json"])
        let saved = try XCTUnwrap(shown["saved_honest"] as? [String: Any])
        XCTAssertTrue(saved["ci"] is NSNull, "\(saved)")
        XCTAssertEqual(saved["ci_unavailable"] as? String,
                       "saved before blendscope kept each fold's held-out weights and α/β; run `fuse --as f --replace` again for an interval")
        let text = try CLI.run(["weights", project, "f"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains(" — no interval: saved before blendscope kept"), text.stdout)
        // The project and the fusion still work as before.
        XCTAssertEqual(try CLI.run(["eval", project, "--fusion", "f"]).status, 0)
    }
}
