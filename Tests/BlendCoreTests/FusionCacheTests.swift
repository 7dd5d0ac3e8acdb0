import XCTest
@testable import BlendCore

/// The incremental fusion against fusion from scratch.
final class FusionCacheTests: XCTestCase {
    /// Four encoders, one of which lacks a third of the clips and one lacks half.
    private func inputs(seed: UInt64) -> FusionInputs {
        .synthetic(clipCount: 300, encoders: [
            SyntheticEncoder(name: "a", strength: 0.8),
            SyntheticEncoder(name: "b", strength: 0.4, coverage: 0.67),
            SyntheticEncoder(name: "c", strength: 0.2, coverage: 0.5),
            SyntheticEncoder(name: "d", strength: 0),
        ], seed: seed)
    }

    private func assertClose(_ a: FusedClips, _ b: FusedClips, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(a.scored.clips, b.scored.clips, message, file: file, line: line)
        XCTAssertEqual(a.renormalised, b.renormalised, message, file: file, line: line)
        XCTAssertEqual(a.dropped, b.dropped, message, file: file, line: line)
        XCTAssertEqual(a.scored.probabilities.count, b.scored.probabilities.count, message, file: file, line: line)
        let worst = zip(a.scored.probabilities, b.scored.probabilities).map { abs($0 - $1) }.max() ?? 0
        XCTAssertLessThanOrEqual(worst, 1e-12, message, file: file, line: line)
    }

    func testIncrementalEqualsFromScratchThroughManyChanges() {
        let data = inputs(seed: 3)
        var rng = SeededGenerator(seed: 9)
        var cache = FusionCache(inputs: data, weights: [0.25, 0.25, 0.25, 0.25])
        for step in 0..<200 {
            let m = Int.random(in: 0..<4, using: &rng)
            // Zero often, so encoders leave and rejoin and clips drop out and come back.
            let w = Bool.random(using: &rng) ? 0 : Double.random(in: 0...3, using: &rng)
            cache.setWeight(m, to: w)
            guard cache.activeCount > 0 else { continue }
            assertClose(cache.fused(), data.fused(weights: cache.weights), "step \(step)")
        }
    }

    func testTrialEqualsCommitAndLeavesTheCacheAsItWas() {
        let data = inputs(seed: 4)
        let cache = FusionCache(inputs: data, weights: [1, 0, 2, 0])
        let before = cache.fused()
        for (m, w) in [(1, 0.5), (0, 0.0), (2, 0.0), (3, 4.0), (2, 7.0)] {
            let trial = cache.fused(changing: m, to: w)
            assertClose(cache.fused(), before, "trial changed the cache")
            var committed = cache
            committed.setWeight(m, to: w)
            assertClose(trial, committed.fused(), "trial \(m) → \(w)")
            var weights = cache.weights
            weights[m] = w
            assertClose(trial, data.fused(weights: weights), "trial \(m) → \(w) from scratch")
        }
    }

    func testMissingPredictionsAreRenormalisedAndCounted() {
        let data = inputs(seed: 5)
        let fused = FusionCache(inputs: data, weights: [0, 1, 1, 0]).fused()
        let both = data.clips.indices.count { data.present[1][$0] && data.present[2][$0] }
        let either = data.clips.indices.count { data.present[1][$0] || data.present[2][$0] }
        XCTAssertEqual(fused.dropped, data.clipCount - either)
        XCTAssertEqual(fused.renormalised, either - both)
        XCTAssertGreaterThan(fused.renormalised, 50)
        XCTAssertGreaterThan(fused.dropped, 10)
        // A clip with only b is b's own row: its weight renormalised to 1.
        let onlyB = data.clips.indices.first { data.present[1][$0] && !data.present[2][$0] }!
        let row = fused.scored.clips.firstIndex(of: data.clips[onlyB])!
        for k in 0..<6 {
            XCTAssertEqual(fused.scored.probabilities[row * 6 + k], data.probabilities[1][onlyB * 6 + k], accuracy: 1e-15)
        }
    }

    func testScalingEveryWeightChangesNothing() {
        let data = inputs(seed: 6)
        let a = FusionCache(inputs: data, weights: [0.1, 0.2, 0.3, 0.4]).fused()
        let b = FusionCache(inputs: data, weights: [1, 2, 3, 4]).fused()
        assertClose(a, b, "scaled weights")
    }

    func testSubsetAndSelectionKeepRowsAligned() {
        let data = inputs(seed: 7)
        let picked = [5, 1, 200]
        let sub = data.subset(picked).selecting(encoders: [2, 0])
        XCTAssertEqual(sub.encoders, ["c", "a"])
        XCTAssertEqual(sub.clips, picked.map { data.clips[$0] })
        for (r, i) in picked.enumerated() {
            XCTAssertEqual(sub.present[0][r], data.present[2][i])
            XCTAssertEqual(Array(sub.probabilities[1][(r * 6)..<(r * 6 + 6)]), Array(data.probabilities[0][(i * 6)..<(i * 6 + 6)]))
        }
    }
}
