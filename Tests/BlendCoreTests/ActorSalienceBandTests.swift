import BlendCore
import XCTest

/// The band around one actor's ACC_S(β) curve is the actor's own clip bootstrap per β: at β*
/// and at the global β it is exactly `actorUncertainty`'s two ACC_S intervals (the same draws).
final class ActorSalienceBandTests: XCTestCase {
    func testBandAgreesWithTheActorsOwnResamplingAndCoversItsCurve() throws {
        let scored = ScoredClips.synthetic(count: 900, seed: 7)
        let index = SweepIndex(scored)
        let report = index.actorBetas(alpha: 0.15)
        let actor = try XCTUnwrap(report.actors.first { $0.bestBeta != nil && $0.blends >= 3 })
        let settings = BootstrapSettings(replicates: 500)
        let u = index.actorUncertainty(actor: actor.actor, members: actor.clips, alpha: 0.15, betas: report.betas,
                                       bestBeta: actor.bestBeta, globalBeta: report.bestBeta, settings: settings)
        let band = index.actorSalienceBand(members: actor.clips, alpha: 0.15, betas: report.betas, settings: settings)
        XCTAssertEqual(band.count, report.betas.count)
        XCTAssertEqual(band[report.bestBetaIndex], u.accSalienceAtGlobal)
        XCTAssertEqual(band[try XCTUnwrap(actor.bestBetaIndex)], u.accSalienceAtBest)
        for (b, interval) in band.enumerated() {
            XCTAssertLessThanOrEqual(interval.lo, interval.hi)
            XCTAssertTrue((0...1).contains(interval.lo) && (0...1).contains(interval.hi))
            let point = actor.curve[b].accSalience
            XCTAssertTrue(interval.lo <= point + 1e-12 && point - 1e-12 <= interval.hi, "β \(report.betas[b])")
        }
        // Seeded: the same band again.
        XCTAssertEqual(band, index.actorSalienceBand(members: actor.clips, alpha: 0.15, betas: report.betas, settings: settings))
        XCTAssertTrue(index.actorSalienceBand(members: [], alpha: 0.15, betas: report.betas).isEmpty)
    }
}
