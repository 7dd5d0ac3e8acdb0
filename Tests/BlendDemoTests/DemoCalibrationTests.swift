@testable import BlendDemo
import XCTest
@testable import BlendCore

/// The demo behaves like the reference system on the training split, measured the challenge's
/// way: best thresholds on the official 20×20 grid, decoded naively with `ScoredClips.evaluate`.
final class DemoCalibrationTests: XCTestCase {
    let demo = defaultDemo

    func training(_ scored: ScoredClips) -> ScoredClips { scored.filter { $0.split == .train } }

    func testEveryEncoderLandsNearItsTarget() {
        for (e, spec) in demo.encoders.enumerated() {
            let (t, m) = bestOnGrid(training(demo.scoredClips(encoder: e)))
            XCTAssertEqual(m.accPresence, spec.targetPresence, accuracy: 0.02, "\(spec.name) ACC_P")
            XCTAssertEqual(m.accSalience, spec.targetSalience, accuracy: 0.02, "\(spec.name) ACC_S")
            XCTAssertLessThanOrEqual(t.alpha, 0.2, "\(spec.name): α stays low, as published")
        }
    }

    func testEqualWeightFusionHelpsWithoutBeingAbsurd() {
        let fused = training(equalFusion(demo, encoders: Array(demo.encoders.indices)))
        let best = demo.encoders.map(\.targetScore).max()!
        let score = bestOnGrid(fused).metrics.score
        XCTAssert((0.27...0.31).contains(score), "equal-weight fusion Score \(score)")
        XCTAssertGreaterThan(score, best + 0.02)
    }

    /// Actors differ in how they express salience, so the best β moves from fold to fold.
    func testBestBetaSpreadsAcrossFolds() {
        var spreads: [Double] = [], all: [Double] = []
        for e in [0, 5] {
            let scored = training(demo.scoredClips(encoder: e))
            let betas = (0..<5).map { fold in bestOnGrid(scored.filter { $0.fold == fold }).thresholds.beta }
            spreads.append(betas.max()! - betas.min()!)
            all += betas
        }
        XCTAssert(spreads.allSatisfy { $0 >= 0.15 }, "per-fold β spreads \(spreads)")
        XCTAssertLessThanOrEqual(all.min()!, 0.15)
        XCTAssertGreaterThanOrEqual(all.max()!, 0.4)
    }

    /// Per actor the best β spreads wider still, even for the fusion of all twelve encoders.
    func testBestBetaSpreadsWiderAcrossActors() {
        let fused = training(equalFusion(demo, encoders: Array(demo.encoders.indices)))
        let actors = Set(fused.clips.map(\.actor))
        let betas = actors.map { actor in bestOnGrid(fused.filter { $0.actor == actor }).thresholds.beta }
        XCTAssertLessThanOrEqual(betas.min()!, 0.05)
        XCTAssertGreaterThanOrEqual(betas.max()!, 0.4, "per-actor β \(betas.sorted())")
    }

    /// Presence is neither all singles nor all blends, and neutral clips are found at times.
    func testSinglesBlendsAndNeutralArePlausible() {
        let scored = training(demo.scoredClips(encoder: 0))
        let t = bestOnGrid(scored).thresholds
        var singles = Metrics(), blends = Metrics(), neutral = Metrics()
        for i in scored.clips.indices {
            let label = scored.clips[i].label, prediction = scored.prediction(of: i, t)
            if label.isBlend { blends.add(label: label, prediction: prediction) } else { singles.add(label: label, prediction: prediction) }
            if label == .single(.neu) { neutral.add(label: label, prediction: prediction) }
        }
        XCTAssert((0.15...0.5).contains(singles.accPresence), "singles \(singles.accPresence)")
        XCTAssert((0.2...0.5).contains(blends.accPresence), "blends \(blends.accPresence)")
        XCTAssert((0.1...0.6).contains(neutral.accPresence), "neutral \(neutral.accPresence)")
    }
}
