import XCTest
@testable import BlendCore

/// Whole fusion runs: nested (honest) numbers beside in-sample ones, per-fold weight tables,
/// ablation, refusals.
final class FusionStudyTests: XCTestCase {
    func testOnPureNoiseTheHonestScoreFallsBelowTheInSampleOne() throws {
        let inputs = FusionInputs.synthetic(clipCount: 300, encoders: (1...5).map {
            SyntheticEncoder(name: "noise-\($0)", strength: 0)
        }, seed: 31)
        let r = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 6))
        XCTAssertGreaterThan(r.gap, 0.01, "in-sample \(r.inSample.score) vs honest \(r.honest.score)")
        XCTAssertEqual(r.gap, r.inSample.score - r.honest.score)
    }

    func testReferenceLikeEncodersFusedBeatTheBestSingleAndEqualWeightsHonestly() throws {
        let (inputs, adapted) = FusionInputs.referenceLike(clipCount: 600, seed: 5)
        for settings in [FusionSettings(method: .greedy, rounds: 10),
                         FusionSettings(method: .coordinate, step: 0.2, minimumStep: 0.05)] {
            let r = try FusionStudy.run(inputs, settings: settings)
            let single = try XCTUnwrap(r.perEncoder.first { $0.encoder == r.bestSingle }?.alone)
            XCTAssertEqual(single.honest.score, r.perEncoder.compactMap { $0.alone?.honest.score }.max())
            XCTAssertGreaterThan(r.honest.score, single.honest.score + 0.03, "\(settings.method)")
            XCTAssertGreaterThan(r.honest.score, r.equalWeights.honest.score + 0.03, "\(settings.method)")
            // The weak encoders take little weight, the strong ones most of it.
            XCTAssertGreaterThan(r.share(of: adapted).share, 0.7, "\(settings.method): \(r.weights)")
            XCTAssertEqual(r.weights.reduce(0, +), 1, accuracy: 1e-12)
        }
    }

    func testFoldsAreHeldOutAndReportedConsistently() throws {
        let inputs = FusionInputs.synthetic(clipCount: 300, encoders: [
            SyntheticEncoder(name: "a", strength: 0.6), SyntheticEncoder(name: "b", strength: 0.3),
            SyntheticEncoder(name: "c", strength: 0),
        ], seed: 32)
        let r = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 5))
        let training = inputs.filter { $0.fold != nil }
        XCTAssertEqual(r.folds.map(\.fold), [0, 1, 2, 3, 4])
        XCTAssertEqual(r.folds.reduce(0) { $0 + $1.clips }, training.clipCount)
        XCTAssertEqual(r.honest, FoldMean(r.folds.map(\.heldOut)))
        for fold in r.folds {
            // In global mode each fold's weights come from a run on the other four folds alone.
            let others = training.filter { $0.fold != fold.fold }
            let rerun = try GreedySelection.run(others, rounds: 5)
            XCTAssertEqual(fold.weights, rerun.weights)
            XCTAssertEqual(fold.heldOutThresholds, rerun.best.thresholds)
            let own = training.filter { $0.fold == fold.fold }
            XCTAssertEqual(fold.heldOut, SweepIndex(own.fused(weights: fold.weights).scored).metrics(at: fold.heldOutThresholds))
        }
        // The fusion's thresholds are the best cell over all training clips at its weights.
        let fused = training.fused(weights: r.weights).scored
        XCTAssertEqual(r.thresholds, SweepIndex(fused).sweep(grid: .official).best.thresholds)
        XCTAssertEqual(r.pooled, SweepIndex(fused).metrics(at: r.thresholds))
        XCTAssertEqual(r.test?.clips, inputs.clips.count { $0.split == .test })
        XCTAssertEqual(r.trajectories.map(\.scope), ["training"])
        XCTAssertEqual(r.evaluations, 6 * 5 * 3)
    }

    func testPerFoldModeAveragesTheFoldsOwnWeights() throws {
        let inputs = FusionInputs.synthetic(clipCount: 300, encoders: [
            SyntheticEncoder(name: "a", strength: 0.6), SyntheticEncoder(name: "b", strength: 0.5, classSkill: [2, 2, 0, 0, 1, 1]),
            SyntheticEncoder(name: "c", strength: 0.1),
        ], seed: 33)
        let r = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 5, perFold: true))
        let training = inputs.filter { $0.fold != nil }
        for fold in r.folds {
            XCTAssertEqual(fold.weights, try GreedySelection.run(training.filter { $0.fold == fold.fold }, rounds: 5).weights)
            let others = r.folds.filter { $0.fold != fold.fold }.map(\.weights)
            XCTAssertEqual(fold.heldOutWeights, FusionWeights.mean(others))
        }
        XCTAssertEqual(r.weights, FusionWeights.mean(r.folds.map(\.weights)))
        XCTAssertEqual(r.trajectories.map(\.scope), ["fold 0", "fold 1", "fold 2", "fold 3", "fold 4"])
        for (m, summary) in r.perEncoder.enumerated() {
            XCTAssertEqual(summary.foldWeights, Spread(r.folds.map { $0.weights[m] }))
        }
    }

    func testAblationLeavesEachEncoderOutAndShareGroupsEncoders() throws {
        let inputs = FusionInputs.synthetic(clipCount: 300, encoders: [
            SyntheticEncoder(name: "good", strength: 0.8), SyntheticEncoder(name: "fair", strength: 0.4),
            SyntheticEncoder(name: "noise", strength: 0),
        ], seed: 34)
        let r = try FusionStudy.run(inputs, settings: FusionSettings(method: .coordinate, step: 0.25, minimumStep: 0.125))
        let training = inputs.filter { $0.fold != nil }
        for (m, summary) in r.perEncoder.enumerated() {
            var w = r.weights
            w[m] = 0
            guard w.contains(where: { $0 > 0 }) else { XCTAssertNil(summary.without); continue }
            let expected = FusionAssessment(training.fused(weights: FusionWeights.normalised(w)).scored)!.inSample.score
            let without = try XCTUnwrap(summary.without)
            XCTAssertEqual(without.inSample, expected, accuracy: 1e-12)
            XCTAssertEqual(without.inSampleChange, expected - r.inSample.score, accuracy: 1e-12)
            XCTAssertEqual(without.honestChange, without.honest - r.honest.score, accuracy: 1e-12)
        }
        // Leaving out the informative encoder costs the most.
        let costs = r.perEncoder.map { $0.without?.inSampleChange ?? -1 }
        XCTAssertEqual(costs.firstIndex(of: costs.min()!), 0)
        let share = r.share(of: ["good", "fair", "unknown"])
        XCTAssertEqual(share.encoders, ["good", "fair"])
        XCTAssertEqual(share.share, r.weights[0] + r.weights[1], accuracy: 1e-12)
    }

    func testSimplexTooLargeIsRefusedWithAnEstimate() {
        let inputs = FusionInputs.synthetic(clipCount: 200, encoders: (1...12).map {
            SyntheticEncoder(name: "e\($0)", strength: 0.1)
        }, seed: 35)
        XCTAssertThrowsError(try FusionStudy.run(inputs, settings: FusionSettings(method: .simplex, step: 0.05))) { error in
            guard case .gridTooLarge(let points, let m, let step, let seconds, let limit) = error as? FusionError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(points, 84_672_315)
            XCTAssertEqual(m, 12)
            XCTAssertEqual(step, 0.05)
            XCTAssertGreaterThan(seconds, limit)
            XCTAssertTrue("\(error)".contains("84,672,315 points"), "\(error)")
        }
    }

    func testTooFewFoldsIsRefused() {
        let inputs = FusionInputs.synthetic(clipCount: 100, encoders: [SyntheticEncoder(name: "a", strength: 1)], seed: 36)
            .filter { $0.fold == nil || $0.fold == 2 }
        XCTAssertThrowsError(try FusionStudy.run(inputs, settings: FusionSettings())) {
            XCTAssertEqual($0 as? FusionError, .tooFewFolds(1))
        }
    }

    func testProgressRisesToOneAndCancellationStops() throws {
        let inputs = FusionInputs.synthetic(clipCount: 200, encoders: [
            SyntheticEncoder(name: "a", strength: 0.6), SyntheticEncoder(name: "b", strength: 0.2),
        ], seed: 37)
        let seen = Fractions()
        _ = try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 3),
                                control: FusionControl(progress: { f, _, _ in seen.append(f) }, isCancelled: { false }))
        XCTAssertEqual(seen.values, seen.values.sorted())
        XCTAssertEqual(seen.values.last, 1)
        let calls = Counter()
        XCTAssertThrowsError(try FusionStudy.run(inputs, settings: FusionSettings(method: .greedy, rounds: 3),
                                                 control: FusionControl(progress: { _, _, _ in }, isCancelled: { calls.increment() > 20 }))) {
            XCTAssertTrue($0 is CancellationError)
        }
    }
}

/// Collects progress fractions from any thread.
final class Fractions: @unchecked Sendable {
    private var stored: [Double] = []
    private let lock = NSLock()

    func append(_ f: Double) {
        lock.lock()
        stored.append(f)
        lock.unlock()
    }

    var values: [Double] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
