import BlendCore
import Foundation
import XCTest
@testable import BlendStore

/// Fusions found by the optimisers, saved and read back as sources.
final class StoredFusionTests: XCTestCase {
    private let encoders = [
        SyntheticEncoder(name: "face", strength: 0.7),
        SyntheticEncoder(name: "voice", strength: 0.4, coverage: 0.8),
        SyntheticEncoder(name: "noise", strength: 0),
    ]

    func testFusionInputsComeFromTheStoreInItsOrder() throws {
        let project = try TestProject.fusion(self, .synthetic(clipCount: 120, encoders: encoders, seed: 41))
        let all = try project.store.fusionInputs()
        XCTAssertEqual(all.encoders, ["face", "voice", "noise"])
        XCTAssertEqual(all.clipCount, 120)
        XCTAssertEqual(all.present[1].count { $0 }, try project.store.scoredClips(encoder: "voice").count)
        let two = try project.store.fusionInputs(encoders: ["noise", "face"])
        XCTAssertEqual(two.encoders, ["noise", "face"])
        XCTAssertEqual(two.probabilities[1], all.probabilities[0])
        XCTAssertThrowsError(try project.store.fusionInputs(encoders: ["face", "nope"])) {
            XCTAssertEqual($0 as? StoreError, .unknownEncoder("nope"))
        }
        XCTAssertThrowsError(try project.store.fusionInputs(encoders: ["face", "face"]))
    }

    func testASavedFusionScoresAsItsReportSays() throws {
        let project = try TestProject.fusion(self, .synthetic(clipCount: 300, encoders: encoders, seed: 42))
        let inputs = try project.store.fusionInputs()
        let report = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 5))
        let saved = try project.store.saveFusion(named: "greedy-3", report: report, job: 7)
        XCTAssertEqual(saved.spec.method, "greedy")
        XCTAssertEqual(saved.spec.weights.map(\.encoder), ["face", "voice", "noise"])
        XCTAssertEqual(saved.spec.weights.map(\.weight), report.weights)
        XCTAssertEqual(saved.spec.thresholds, report.thresholds)
        XCTAssertEqual(saved.spec.honestScore, report.honest.score)
        XCTAssertEqual(saved.spec.inSampleScore, report.inSample.score)
        let provenance = try XCTUnwrap(saved.spec.provenance)
        XCTAssertTrue(provenance.contains(#""made_by":"fuse""#), provenance)
        XCTAssertTrue(provenance.contains(#""job":7"#), provenance)

        // As a source: the training clips at the saved thresholds give the report's pooled metrics.
        let fused = try project.store.scoredClips(source: .fusion("greedy-3")).filter { $0.fold != nil }
        XCTAssertEqual(SweepIndex(fused).metrics(at: saved.spec.thresholds), report.pooled)
        XCTAssertThrowsError(try project.store.saveFusion(named: "greedy-3", report: report))
        XCTAssertNoThrow(try project.store.saveFusion(named: "greedy-3", report: report, replace: true))
    }

    func testAnEditedFusionIsRenormalisedAndReplacesTheOld() throws {
        let project = try TestProject.fusion(self, .synthetic(clipCount: 300, encoders: encoders, seed: 43))
        let inputs = try project.store.fusionInputs()
        let report = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 3))
        let old = try project.store.saveFusion(named: "f", report: report)
        let edited = try FusionWeightEdit.apply([("noise", 1)], to: old.spec.weights.map { ($0.encoder, $0.weight) })
        let edit = try FixedWeightsReport(inputs.selecting(encoders: edited.map { inputs.index(of: $0.encoder)! }),
                                          weights: edited.map(\.weight))
        let saved = try project.store.saveEditedFusion(named: "f", edit: edit, previous: old)
        XCTAssertEqual(saved.spec.method, "manual")
        XCTAssertEqual(saved.spec.weights.reduce(0) { $0 + $1.weight }, 1, accuracy: 1e-12)
        XCTAssertEqual(saved.spec.weights.first { $0.encoder == "noise" }!.weight, 0.5, accuracy: 1e-12)
        XCTAssertEqual(try project.store.fusions().map(\.spec.name), ["f"])
        XCTAssertTrue(saved.spec.provenance!.contains("previous_weights"))
    }
}
