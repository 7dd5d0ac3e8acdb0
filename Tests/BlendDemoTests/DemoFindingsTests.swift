@testable import BlendDemo
import XCTest
@testable import BlendCore

/// The demo project reproduces the reference system's findings: the best β swings across
/// folds, thresholds chosen on the same clips flatter the Score, and weighted fusion beats the
/// best single encoder and equal weights even when measured honestly.
final class DemoFindingsTests: XCTestCase {
    let demo = defaultDemo

    func testBestBetaSwingsAcrossFoldsAndTheHonestScoreIsLower() throws {
        let hicmae = try XCTUnwrap(demo.encoderIndex(named: "HiCMAE"))
        let training = demo.scoredClips(encoder: hicmae).filter { $0.split == .train }
        let report = try XCTUnwrap(SweepIndex(training).plan(.official).foldReport())
        XCTAssertGreaterThanOrEqual(report.betaSpread.range, 0.3, "per-fold β* \(report.folds.map(\.own.thresholds.beta))")
        XCTAssertLessThan(report.honestScore, report.optimisticScore)
        XCTAssertGreaterThan(report.gap, 0.005)
    }

    func testGreedyAndCoordinateFusionBeatBestSingleAndEqualWeightsHonestly() throws {
        let inputs = FusionInputs(clips: demo.clipInfos, encoders: demo.encoders.map(\.name),
                                  probabilities: demo.encoders.indices.map { demo.probabilities(encoder: $0) },
                                  present: demo.encoders.map { _ in [Bool](repeating: true, count: demo.clips.count) })
        for method in [FusionMethod.greedy, .coordinate] {
            let report = try FusionStudy.run(inputs, settings: FusionSettings(method: method))
            let bestSingle = report.perEncoder.compactMap { $0.alone?.honest.score }.max()!
            XCTAssertGreaterThan(report.honest.score, bestSingle, "\(method)")
            XCTAssertGreaterThan(report.honest.score, report.equalWeights.honest.score, "\(method)")
            XCTAssertLessThan(report.honest.score, report.inSample.score, "\(method)")
        }
    }
}
