import XCTest
@testable import BlendCore

/// A fusion's honest interval resamples actors over the pooled nested decisions.
final class FusionIntervalsTests: XCTestCase {
    private let inputs = FusionInputs.referenceLike(clipCount: 300, seed: 7).inputs.selecting(encoders: [0, 1, 2])

    func testThePooledNestedDecisionsAreTheFoldsHeldOutCounts() throws {
        let report = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 4))
        let settings = BootstrapSettings(level: 0.9, replicates: 500, seed: 3)
        let ci = try XCTUnwrap(inputs.intervals(of: report, settings: settings))
        XCTAssertEqual(ci.honestPooled, report.folds.map(\.heldOut).reduce(Metrics(), +))
        XCTAssertEqual(ci.honest.units, Set(inputs.clips.filter { $0.fold != nil }.map(\.actor)).count)
        XCTAssertTrue(ci.honest.score.contains(ci.honestPooled.score), "\(ci.honest.score) \(ci.honestPooled.score)")
        XCTAssertTrue(ci.inSample.score.contains(report.pooled.score))
        XCTAssertEqual(ci.inSample.settings, settings)
        // Seeded: the same draws give the same intervals.
        XCTAssertEqual(inputs.intervals(of: report, settings: settings), ci)

        let fixed = try FixedWeightsReport(inputs, weights: report.weights)
        let fixedCI = try XCTUnwrap(inputs.intervals(of: fixed, settings: settings))
        XCTAssertEqual(fixedCI.honestPooled, fixed.assessment.heldOut.map(\.metrics).reduce(Metrics(), +))
    }

    /// One actor: every replicate draws it, so the interval is the point.
    func testASingleActorGivesAPointInterval() throws {
        let clips = inputs.clips.map { ClipInfo(name: $0.name, actor: "A1", split: $0.split, fold: $0.fold, label: $0.label) }
        let one = FusionInputs(clips: clips, encoders: inputs.encoders, probabilities: inputs.probabilities, present: inputs.present)
        let weights = [1.0, 1, 1]
        let fixed = try FixedWeightsReport(one, weights: weights)
        let ci = try XCTUnwrap(one.intervals(of: fixed, settings: BootstrapSettings(level: 0.95, replicates: 100, seed: 1)))
        XCTAssertEqual(ci.honest.units, 1)
        XCTAssertEqual(ci.honest.score.lo, ci.honestPooled.score, accuracy: 1e-12)
        XCTAssertEqual(ci.honest.score.hi, ci.honestPooled.score, accuracy: 1e-12)
    }
}
