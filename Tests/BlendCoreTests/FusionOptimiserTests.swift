import XCTest
@testable import BlendCore

/// The optimisers on small made-up encoders whose best weights are known by design.
final class FusionOptimiserTests: XCTestCase {
    /// One encoder that knows the labels and three that are pure noise.
    private func informativeAndNoise(clips: Int = 400) -> FusionInputs {
        .synthetic(clipCount: clips, encoders: [
            SyntheticEncoder(name: "noise-1", strength: 0),
            SyntheticEncoder(name: "informative", strength: 1.2),
            SyntheticEncoder(name: "noise-2", strength: 0),
            SyntheticEncoder(name: "noise-3", strength: 0),
        ], seed: 21)
    }

    /// Two encoders that each know only half of the actors.
    private func complementary(clips: Int = 400) -> FusionInputs {
        .synthetic(clipCount: clips, encoders: [
            SyntheticEncoder(name: "even", strength: 1.5, actors: .even),
            SyntheticEncoder(name: "odd", strength: 1.5, actors: .odd),
        ], seed: 22)
    }

    private func score(_ inputs: FusionInputs, _ weights: [Double]) -> Double {
        SweepIndex(inputs.fused(weights: weights).scored).sweep(grid: .official).best.metrics.score
    }

    func testEveryMethodPutsTheWeightOnTheInformativeEncoder() throws {
        let inputs = informativeAndNoise()
        let results = [
            ("greedy", try GreedySelection.run(inputs, rounds: 10)),
            ("coordinate", try CoordinateAscent.run(inputs, start: FusionWeights.equal(4), firstStep: 0.2, minimumStep: 0.05)),
            ("simplex", try SimplexSearch.run(inputs, step: 0.25)),
        ]
        let alone = score(inputs, [0, 1, 0, 0])
        for (name, r) in results {
            XCTAssertGreaterThanOrEqual(r.weights[1], 0.75, "\(name): \(r.weights)")
            XCTAssertEqual(r.weights.reduce(0, +), 1, accuracy: 1e-12, name)
            XCTAssertGreaterThanOrEqual(r.score, alone, name)
        }
        // Greedy starts from the best single encoder.
        XCTAssertEqual(results[0].1.trajectory[0].weights, [0, 1, 0, 0])
    }

    func testComplementaryEncodersAreBothNeeded() throws {
        let inputs = complementary()
        let even = score(inputs, [1, 0]), odd = score(inputs, [0, 1])
        for r in [try GreedySelection.run(inputs, rounds: 8),
                  try CoordinateAscent.run(inputs, start: [1, 0], firstStep: 0.2, minimumStep: 0.05),
                  try SimplexSearch.run(inputs, step: 0.1)] {
            XCTAssertGreaterThan(r.weights.min()!, 0.25, "\(r.weights)")
            XCTAssertGreaterThan(r.score, max(even, odd) + 0.05, "fused \(r.score), alone \(even) / \(odd)")
        }
    }

    func testOptimisersReportTheScoreOfTheirWeightsAndThresholds() throws {
        let inputs = informativeAndNoise(clips: 200)
        for r in [try GreedySelection.run(inputs, rounds: 6),
                  try CoordinateAscent.run(inputs, start: FusionWeights.equal(4), firstStep: 0.2, minimumStep: 0.1),
                  try SimplexSearch.run(inputs, step: 0.5)] {
            let cell = SweepIndex(inputs.fused(weights: r.weights).scored).sweep(grid: .official).best
            XCTAssertEqual(cell.thresholds, r.best.thresholds)
            XCTAssertEqual(cell.metrics, r.best.metrics)
            XCTAssertEqual(r.trajectory.map(\.score).max(), r.score)
        }
    }

    func testGreedyTrajectoryIsOneCopyPerRoundAndKeepsTheBestRound() throws {
        let inputs = informativeAndNoise(clips: 200)
        let r = try GreedySelection.run(inputs, rounds: 7)
        XCTAssertEqual(r.trajectory.map(\.step), Array(1...7))
        for (i, step) in r.trajectory.enumerated() {
            // Weights are copies over rounds: multiples of 1/round.
            for w in step.weights { XCTAssertEqual((w * Double(i + 1)).rounded(), w * Double(i + 1), accuracy: 1e-9) }
        }
        let best = r.trajectory.first { $0.score == r.score }!
        XCTAssertEqual(best.weights, r.weights)
        XCTAssertEqual(r.evaluations, 7 * 4)
    }

    func testCoordinateAscentOnlyEverImproves() throws {
        let r = try CoordinateAscent.run(complementary(clips: 200), start: [0.9, 0.1], firstStep: 0.2, minimumStep: 0.025)
        XCTAssertGreaterThan(r.trajectory.count, 1)
        for (a, b) in zip(r.trajectory, r.trajectory.dropFirst()) { XCTAssertGreaterThan(b.score, a.score) }
        XCTAssertEqual(CoordinateAscent.stepSizes(from: 0.2, to: 0.025), [0.2, 0.1, 0.05, 0.025])
    }

    func testNaiveScoringFindsTheSameFusion() throws {
        let inputs = informativeAndNoise(clips: 120)
        let fast = try GreedySelection.run(inputs, rounds: 4)
        let naive = try GreedySelection.run(inputs, rounds: 4, scoring: .naive)
        XCTAssertEqual(fast.weights, naive.weights)
        XCTAssertEqual(fast.best, naive.best)
        XCTAssertEqual(fast.trajectory, naive.trajectory)
    }

    func testSimplexGridIsCountedAndVisitedInFull() throws {
        XCTAssertEqual(try SimplexSearch.pointCount(encoders: 12, step: 0.1), 352_716)
        XCTAssertEqual(try SimplexSearch.pointCount(encoders: 3, step: 0.5), 6)
        XCTAssertEqual(try SimplexSearch.pointCount(encoders: 1, step: 0.05), 1)
        XCTAssertThrowsError(try SimplexSearch.pointCount(encoders: 3, step: 0.3)) {
            XCTAssertEqual($0 as? FusionError, .badStep(0.3))
        }
        var points = Compositions(parts: 4, count: 4)
        var seen = Set<[Int]>()
        var previous = points.parts
        seen.insert(previous)
        while points.advance() {
            XCTAssertEqual(points.parts.reduce(0, +), 4)
            XCTAssertLessThanOrEqual(zip(previous, points.parts).count { $0 != $1 }, 3, "NEXCOM changes at most three parts")
            previous = points.parts
            seen.insert(previous)
        }
        XCTAssertEqual(Double(seen.count), try SimplexSearch.pointCount(encoders: 4, step: 0.25))
        XCTAssertEqual(previous, [0, 0, 0, 4])
    }

    func testCancellationStopsEveryMethod() {
        let inputs = informativeAndNoise(clips: 100)
        let calls = Counter()
        let control = FusionControl(progress: { _, _, _ in }, isCancelled: { calls.increment() > 5 })
        XCTAssertThrowsError(try GreedySelection.run(inputs, rounds: 50, control: control)) { XCTAssertTrue($0 is CancellationError) }
        calls.reset()
        XCTAssertThrowsError(try CoordinateAscent.run(inputs, start: FusionWeights.equal(4), control: control)) {
            XCTAssertTrue($0 is CancellationError)
        }
        calls.reset()
        XCTAssertThrowsError(try SimplexSearch.run(inputs, step: 0.1, control: control)) { XCTAssertTrue($0 is CancellationError) }
    }

    func testBadSettingsAreRefused() {
        let inputs = complementary(clips: 50)
        XCTAssertThrowsError(try GreedySelection.run(inputs, rounds: 0))
        XCTAssertThrowsError(try CoordinateAscent.run(inputs, start: [0, 0]))
        XCTAssertThrowsError(try CoordinateAscent.run(inputs, start: [1, 1], firstStep: 0.1, minimumStep: 0.2))
        XCTAssertThrowsError(try FusionSettings(method: .simplex, step: 0.3).validate())
    }
}

/// A thread-safe call counter for cancellation hooks.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }

    func reset() {
        lock.lock()
        value = 0
        lock.unlock()
    }
}
