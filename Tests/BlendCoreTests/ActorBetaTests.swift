import XCTest
@testable import BlendCore

final class ActorBetaTests: XCTestCase {
    /// Actor A1 has typical blends; A2's 70/30 blends have tiny margins; A3 has no blend.
    /// All blends are ang/hap with the pair kept at α .1, so only β decides their salience.
    /// Worked by hand over β ∈ {.05, .15, .25, .35}:
    /// - A1: 50/50 margins .20, .10, .20 (right at β ≥ margin), 70/30 margin .30 (right at
    ///   β < .30): hits 1, 2, 4, 3 → best β .25;
    /// - A2: 70/30 margins .08 and .06: hits 2, 0, 0, 0 → best β .05;
    /// - all: hits 3, 2, 4, 3 → best β .25, so A2's best provably differs by .20.
    private func handMade() -> ScoredClips {
        func p(_ ang: Double, _ hap: Double) -> [Double] {
            let rest = (1 - ang - hap) / 4
            return [ang, rest, rest, hap, rest, rest]
        }
        let rows: [(String, Label, [Double])] = [
            ("A1", .blend(.ang, 50, .hap), p(0.45, 0.25)),
            ("A1", .blend(.ang, 50, .hap), p(0.40, 0.30)),
            ("A1", .blend(.ang, 70, .hap), p(0.50, 0.20)),
            ("A2", .blend(.ang, 70, .hap), p(0.40, 0.32)),
            ("A2", .blend(.ang, 70, .hap), p(0.39, 0.33)),
            ("A3", .single(.hap), [0.04, 0.04, 0.04, 0.8, 0.04, 0.04]),
            ("A1", .blend(.ang, 50, .hap), p(0.45, 0.25)),
        ]
        let clips = rows.enumerated().map { n, r in ClipInfo(name: "c\(n)", actor: r.0, split: .train, fold: 0, label: r.1) }
        return ScoredClips(clips: clips, probabilities: rows.flatMap(\.2))
    }

    private let betas = [0.05, 0.15, 0.25, 0.35]

    func testActorWhoseBestBetaProvablyDiffers() throws {
        let report = SweepIndex(handMade()).actorBetas(alpha: 0.1, betas: betas)
        XCTAssertEqual(report.bestBeta, 0.25)
        XCTAssertEqual(report.curve.map(\.salienceHits), [3, 2, 4, 3])
        XCTAssertEqual(report.actors.map(\.actor), ["A2", "A1", "A3"], "farthest first, no-blend actor last")

        let a2 = try XCTUnwrap(report.actor("A2"))
        XCTAssertEqual(a2.bestBeta, 0.05)
        XCTAssertEqual(try XCTUnwrap(a2.distance), 0.20, accuracy: 1e-15)
        XCTAssertEqual(a2.curve.map(\.accSalience), [1, 0, 0, 0])
        XCTAssertEqual(a2.flips, [BetaFlip(clip: 3, becomesCorrect: true), BetaFlip(clip: 4, becomesCorrect: true)])
        XCTAssertEqual(a2.evenMargins.count, 0)
        XCTAssertNil(a2.evenMargins.median)
        XCTAssertEqual(a2.unevenMargins.count, 2)
        XCTAssertEqual(try XCTUnwrap(a2.unevenMargins.median), 0.07, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(a2.unevenMargins.lowerQuartile), 0.065, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(a2.unevenMargins.upperQuartile), 0.075, accuracy: 1e-12)
        XCTAssertEqual(a2.unevenMargins.bins[1], 2, "both in [.05, .10)")
        XCTAssertEqual(a2.explanation,
                       "A2's 70/30 blends have a median margin of 0.07 against 0.08 overall: any β above 0.07 calls most of them 50/50.")

        let a1 = try XCTUnwrap(report.actor("A1"))
        XCTAssertEqual(a1.bestBeta, 0.25)
        XCTAssertEqual(a1.distance, 0)
        XCTAssertEqual(a1.curve.map(\.accSalience), [0.25, 0.5, 1, 0.75])
        XCTAssertEqual(a1.flips, [])
        XCTAssertEqual(a1.clips, [0, 1, 2, 6])
        XCTAssertEqual(try XCTUnwrap(a1.evenMargins.median), 0.20, accuracy: 1e-12)
        XCTAssertEqual(a1.explanation, "A1's best β is the global 0.25 (median margins: 50/50 0.20 against 0.20 overall, 70/30 0.30 against 0.08).")

        let a3 = try XCTUnwrap(report.actor("A3"))
        XCTAssertNil(a3.bestBeta)
        XCTAssertNil(a3.distance)
        XCTAssertEqual(a3.explanation, "A3 has no blends: β does not change its score.")

        XCTAssertEqual(report.unevenMargins.count, 3)
        XCTAssertEqual(try XCTUnwrap(report.unevenMargins.median), 0.08, accuracy: 1e-12)
        XCTAssertEqual(report.evenMargins.bins[2] + report.evenMargins.bins[4], 3, ".10 and twice .20")
    }

    func testFlatOptimumTakesTheBetaNearestTheGlobalOne() {
        // Hits 2, 2, 2, 1: every β up to .25 is optimal; the global best .25 is among them.
        XCTAssertEqual(SweepIndex.nearestBest([2, 2, 2, 1], betas: betas, to: 0.25), 2)
        XCTAssertEqual(SweepIndex.nearestBest([2, 2, 0, 1], betas: betas, to: 0.35), 1)
        XCTAssertEqual(SweepIndex.nearestBest([1, 0, 1], betas: [0.25, 0.5, 0.75], to: 0.5), 0, "equally near: the first")
        XCTAssertNil(SweepIndex.nearestBest([0, 0, 0, 0], betas: betas, to: 0.25))
    }

    private func evidence(actorBeta: Double?, even: [Double], uneven: [Double], allEven: [Double], allUneven: [Double],
                          blends: Int = 5, notKept: Int = 0, wrongWay: Int = 0) -> String {
        BetaEvidence(actor: "A229", alpha: 0.15, betas: betas, blends: blends, pairNotKept: notKept, wrongWay: wrongWay,
                     actorBeta: actorBeta, globalBeta: 0.15,
                     actorEven: MarginDistribution(even), actorUneven: MarginDistribution(uneven),
                     allEven: MarginDistribution(allEven), allUneven: MarginDistribution(allUneven)).sentence
    }

    func testExplanationFollowsTheData() {
        XCTAssertEqual(evidence(actorBeta: 0.35, even: [0.3, 0.32], uneven: [0.4], allEven: [0.1, 0.12], allUneven: [0.42]),
                       "A229's 50/50 blends have a median margin of 0.31 against 0.11 overall: β must reach 0.31 to call most of them 50/50.")
        XCTAssertEqual(evidence(actorBeta: 0.35, even: [0.1], uneven: [0.5, 0.6], allEven: [0.1], allUneven: [0.2, 0.3]),
                       "A229's 70/30 blends have a median margin of 0.55 against 0.25 overall: β can rise to 0.55 before most of them are called 50/50.")
        XCTAssertEqual(evidence(actorBeta: 0.05, even: [0.02], uneven: [0.3], allEven: [0.09], allUneven: [0.3]),
                       "A229's 50/50 blends have a median margin of 0.02 against 0.09 overall: a β of 0.02 already calls half of them 50/50.")
        XCTAssertEqual(evidence(actorBeta: 0.05, even: [0.2], uneven: [0.4], allEven: [0.1], allUneven: [0.3]),
                       "A229's best β 0.05 lies below the global 0.15 although its median margins do not (50/50 0.20 against 0.10 overall, 70/30 0.40 against 0.30): it rests on 2 blends that β decides.")
        XCTAssertEqual(evidence(actorBeta: nil, even: [], uneven: [], allEven: [0.1], allUneven: [0.3], blends: 3, notKept: 2, wrongWay: 1),
                       "β decides none of A229's 3 blends at α 0.15: 2 do not have their labelled pair kept and 1 has the weaker emotion on top.")
        XCTAssertEqual(evidence(actorBeta: nil, even: [0.6], uneven: [0.01], allEven: [0.1], allUneven: [0.3], blends: 2),
                       "No β from 0.05 to 0.35 gets any of A229's blends right: its 1 50/50 blend has a margin above 0.35 and its 1 70/30 blend has a margin of at most 0.05.")
    }

    func testFlipsAccountForTheChangeInHitsOnRealData() throws {
        let scored = try Fixtures.realKL()
        let index = SweepIndex(scored)
        let report = index.actorBetas(alpha: ThresholdGrid.official.alphas[2])
        XCTAssertEqual(report.actors.count, 58)
        XCTAssertEqual(Set(report.actors.flatMap(\.clips)).count, 3050)
        let distances = report.actors.compactMap(\.distance)
        XCTAssertEqual(distances, distances.sorted(by: >))
        XCTAssertTrue(distances.contains { $0 > 0.1 }, "some actor's best β lies far from the global one")
        for actor in report.actors {
            guard let b = actor.bestBetaIndex else { continue }
            let gained = actor.flips.filter(\.becomesCorrect).count - actor.flips.filter { !$0.becomesCorrect }.count
            XCTAssertEqual(gained, actor.curve[b].salienceHits - actor.curve[report.bestBetaIndex].salienceHits, actor.actor)
            XCTAssertGreaterThanOrEqual(gained, 0, "the actor's best β never does worse on its own clips")
            XCTAssertFalse(actor.explanation.isEmpty)
        }
    }
}
