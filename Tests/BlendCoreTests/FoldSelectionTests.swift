import XCTest
@testable import BlendCore

final class FoldSelectionTests: XCTestCase {
    /// Three folds of one clip each on a 2×2 grid, worked out by hand:
    /// - fold 0, ang=hap (50/50), ang .45 hap .25: kept as a pair at α .1, right at β .3 only;
    /// - fold 1, ang>hap (70/30), same probabilities: right at β .1 only;
    /// - fold 2, hap alone, hap .6 sad .2: right only at α .4, where sad is dropped.
    private func handMade() -> ScoredClips {
        let clips = [
            ClipInfo(name: "f0", actor: "A0", split: .train, fold: 0, label: .blend(.ang, 50, .hap)),
            ClipInfo(name: "f1", actor: "A1", split: .train, fold: 1, label: .blend(.ang, 70, .hap)),
            ClipInfo(name: "f2", actor: "A2", split: .train, fold: 2, label: .single(.hap)),
            ClipInfo(name: "t", actor: "A9", split: .test, fold: nil, label: .single(.sad)),
        ]
        let p: [[Double]] = [
            [0.45, 0.075, 0.075, 0.25, 0.075, 0.075],
            [0.45, 0.075, 0.075, 0.25, 0.075, 0.075],
            [0.05, 0.05, 0.05, 0.6, 0.2, 0.05],
            [0.0, 0.0, 0.0, 0.0, 1.0, 0.0],
        ]
        return ScoredClips(clips: clips, probabilities: p.flatMap { $0 })
    }

    private let grid = ThresholdGrid(alphas: [0.1, 0.4], betas: [0.1, 0.3])

    func testHandWorkedFolds() throws {
        let report = try XCTUnwrap(SweepIndex(handMade()).plan(grid).foldReport())
        XCTAssertEqual(report.folds.map(\.fold), [0, 1, 2], "the test clip belongs to no fold")
        // Own optima: fold 0 (.1, .3) Score 1; fold 1 (.1, .1) Score 1; fold 2 first of the
        // α .4 row, (.4, .1), Score .5 (ACC_P 1, no blends so ACC_S 0).
        XCTAssertEqual(report.folds.map(\.own.thresholds), [Thresholds(alpha: 0.1, beta: 0.3),
                                                            Thresholds(alpha: 0.1, beta: 0.1),
                                                            Thresholds(alpha: 0.4, beta: 0.1)])
        XCTAssertEqual(report.folds.map(\.own.metrics.score), [1, 1, 0.5])
        // Chosen on the others: without fold 0, (.1, .1) scores .75 on folds 1+2; without fold 1,
        // (.1, .3) scores .75; without fold 2, (.1, .1) and (.1, .3) tie at .75 and the first wins.
        XCTAssertEqual(report.folds.map(\.chosenOnOthers.thresholds), [Thresholds(alpha: 0.1, beta: 0.1),
                                                                       Thresholds(alpha: 0.1, beta: 0.3),
                                                                       Thresholds(alpha: 0.1, beta: 0.1)])
        XCTAssertEqual(report.folds.map(\.chosenOnOthers.metrics.score), [0.75, 0.75, 0.75])
        // Held out: each fold scores .5, .5 and 0 at the others' choice.
        XCTAssertEqual(report.folds.map(\.honest.score), [0.5, 0.5, 0])
        XCTAssertEqual(report.optimisticScore, 2.5 / 3, accuracy: 1e-15)
        XCTAssertEqual(report.honestScore, 1.0 / 3, accuracy: 1e-15)
        XCTAssertEqual(report.gap, 0.5, accuracy: 1e-15)
        // Spread of the own optima.
        XCTAssertEqual(report.alphaSpread.min, 0.1)
        XCTAssertEqual(report.alphaSpread.max, 0.4)
        XCTAssertEqual(report.betaSpread.range, 0.2, accuracy: 1e-15)
        XCTAssertEqual(report.scoreSpread.mean, 2.5 / 3, accuracy: 1e-15)
        XCTAssertEqual(report.scoreSpread.standardDeviation, (0.5 / 9).squareRoot(), accuracy: 1e-15)
        // Baseline: folds 0 and 1 tie at 1, fold 0 comes first; its (.1, .3) gives 1, .5, 0.
        XCTAssertEqual(report.baselineFold, 0)
        XCTAssertEqual(report.baselineThresholds, Thresholds(alpha: 0.1, beta: 0.3))
        XCTAssertEqual(report.folds.map(\.baseline.score), [1, 0.5, 0])
        XCTAssertEqual(report.baselineScore, 0.5, accuracy: 1e-15)
    }

    func testNoReportWithoutTwoFolds() {
        let scored = handMade().filter { $0.fold != 1 && $0.fold != 2 }
        XCTAssertNil(SweepIndex(scored).plan(grid).foldReport())
    }

    func testNestedSelectionEqualsSweepingTheOtherFoldsDirectly() throws {
        let scored = ScoredClips.synthetic(count: 900, seed: 3)
        let report = try XCTUnwrap(SweepIndex(scored).plan(.official).foldReport())
        XCTAssertEqual(report.folds.count, 5)
        for outcome in report.folds {
            let others = scored.filter { $0.fold != nil && $0.fold != outcome.fold }
            let held = scored.filter { $0.fold == outcome.fold }
            XCTAssertEqual(outcome.chosenOnOthers, others.naiveSweep(grid: .official).best)
            XCTAssertEqual(outcome.honest, held.evaluate(outcome.chosenOnOthers.thresholds))
            XCTAssertEqual(outcome.own, held.naiveSweep(grid: .official).best)
            XCTAssertEqual(outcome.baseline, held.evaluate(report.baselineThresholds))
        }
    }

    func testRealFoldsSwingLikeTheReadmeSays() throws {
        let report = try XCTUnwrap(SweepIndex(Fixtures.realKL()).plan(.official).foldReport())
        XCTAssertEqual(report.folds.map(\.clips), [522, 486, 468, 472, 508])
        // real/README.md gives .05 to .62 for the KL and CE models together; for KL alone an
        // independent re-implementation of the challenge's search gives grid points 1 and 9.
        XCTAssertEqual(report.folds.map(\.own.betaIndex), [1, 2, 1, 9, 3])
        XCTAssertEqual(report.folds.map(\.own.alphaIndex), [2, 2, 3, 2, 1])
        XCTAssertEqual(report.betaSpread.min, ThresholdGrid.official.betas[1])
        XCTAssertEqual(report.betaSpread.max, ThresholdGrid.official.betas[9])
        XCTAssertEqual(report.folds.map(\.own.metrics.score)[3], 0.1906779661016949, accuracy: 1e-12)
        XCTAssertGreaterThan(report.gap, 0, "thresholds tuned on the scored clips flatter them")
    }
}
