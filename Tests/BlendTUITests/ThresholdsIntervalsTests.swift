import BlendCore
import XCTest
@testable import BlendTUI

/// The band around the selected actor's ACC_S(β) curve and the heatmap's best-cell interval:
/// asked for off the UI thread only while the screen shows, cached per (source, α, actor) and
/// (source, metric), never asked for by a β step, and computed by BlendCore's bootstraps.
final class ThresholdsIntervalsTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private let band = EffectKey.screen(.thresholds, "band").rawValue
    private let bestCell = EffectKey.screen(.thresholds, "best-cell").rawValue

    /// A fresh load on the Thresholds screen with nothing computed yet.
    private func unfilled() -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        F.send(&state, .loaded(F.project), .analysed(ThresholdAnalysis(F.scored, index: F.project.index!)))
        F.refreshActors(&state)
        return state
    }

    func testEnteringTheScreenAsksForBothOnceAndABetaStepAsksForNeither() {
        var state = unfilled()
        XCTAssertTrue(state.thresholdsScreen.intervals.bands.wanted == nil, "nothing asked off the screen")
        let keys = F.effectKeys(&state, F.key("3"))
        XCTAssertTrue(keys.contains(band) && keys.contains(bestCell), "\(keys)")
        let leaving = F.effectKeys(&state, F.key("1"))
        XCTAssertFalse(leaving.contains(band) || leaving.contains(bestCell), "leaving asks nothing: \(leaving)")
        let again = F.effectKeys(&state, F.key("3"))
        XCTAssertFalse(again.contains(band) || again.contains(bestCell), "both already on their way: \(again)")
        for key in ["right", "left", "pgup"] {
            let step = F.effectKeys(&state, F.key(key))
            XCTAssertFalse(step.contains(band) || step.contains(bestCell), "\(key) with β selected: \(step)")
        }
    }

    func testSelectingActorsAsksOncePerActorAndServesTheCache() async throws {
        var state = unfilled()
        F.send(&state, F.key("3"))
        F.fillThresholdsIntervals(&state)
        let first = try XCTUnwrap(state.thresholdsScreen.selectedActor?.actor)
        XCTAssertNotNil(ThresholdsScreen(state: state).currentBand())
        XCTAssertEqual(F.effectKeys(&state, F.key("j")), [band], "the next actor's band")
        XCTAssertNil(ThresholdsScreen(state: state).currentBand(), "not drawn until it arrives")
        XCTAssertEqual(F.effectKeys(&state, F.key("k")), [String?](), "the first actor's band is cached")
        XCTAssertEqual(state.thresholdsScreen.selectedActor?.actor, first)
        XCTAssertNotNil(ThresholdsScreen(state: state).currentBand())

        // The effect itself: BlendCore's clip bootstrap of the actor, per β of the report.
        let effects = F.program.update(&state, F.key("j"))
        let actions = await F.perform(effects, key: band)
        guard case .thresholds(.bandComputed(let key, let computed))? = actions.first else { return XCTFail("\(actions)") }
        let actor = try XCTUnwrap(state.thresholdsScreen.selectedActor)
        XCTAssertEqual(key.actor, actor.actor)
        let report = try XCTUnwrap(state.thresholdsScreen.actorReport)
        XCTAssertEqual(computed, F.project.index!.actorSalienceBand(members: actor.clips, alpha: report.alpha, betas: report.betas))
        F.send(&state, actions[0])
        XCTAssertEqual(ThresholdsScreen(state: state).currentBand(), computed)
    }

    func testAnAlphaStepHidesTheBandUntilTheActorsAtTheNewAlphaAndTheirBandArrive() {
        var state = F.loaded()
        F.send(&state, F.key("3"), F.key("a"))
        XCTAssertNotNil(ThresholdsScreen(state: state).currentBand())
        let step = F.effectKeys(&state, F.key("right"))
        XCTAssertFalse(step.contains(band), "the band waits for the actors at the new α: \(step)")
        XCTAssertNil(ThresholdsScreen(state: state).currentBand(), "the old α's band is not this α's")
        XCTAssertEqual(F.effectKeys(&state, .thresholds(.actorsAnalysed(F.project.index!.actorBetas(alpha: state.thresholds.alpha)))),
                       [band])
        // Back to the first α: the actors again, then the cached band with no new work.
        F.send(&state, F.key("left"))
        XCTAssertEqual(F.effectKeys(&state, .thresholds(.actorsAnalysed(F.project.index!.actorBetas(alpha: state.thresholds.alpha)))),
                       [String?]())
        XCTAssertNotNil(ThresholdsScreen(state: state).currentBand())
    }

    func testTheMetricKeyAsksForItsBestCellOnceAndTheEffectIsTheActorBootstrapThere() async throws {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        let effects = F.program.update(&state, F.key("m"))
        XCTAssertEqual(effects.count, 1)
        let actions = await F.perform(effects, key: bestCell)
        guard case .thresholds(.bestCellComputed(let key, let result))? = actions.first else { return XCTFail("\(actions)") }
        XCTAssertEqual(key.metric, .presence)
        let index = F.project.index!
        let cell = index.sweep(grid: .official).bestPresence
        XCTAssertEqual(result.thresholds, cell.thresholds)
        XCTAssertEqual(result.intervals, index.intervals(at: cell.thresholds))
        XCTAssertEqual(result.clips, 600)
        F.send(&state, actions[0])
        XCTAssertEqual(F.effectKeys(&state, F.key("m")).filter { $0 == bestCell }.count, 1, "ACC_S's")
        XCTAssertEqual(F.effectKeys(&state, F.key("m")), [String?](), "Score's is cached")
        XCTAssertEqual(F.effectKeys(&state, F.key("m")), [String?](), "ACC_P's is cached")
    }

    func testTheCacheKeepsTheWantedKeyAndDropsTheOldest() {
        var cache = ResultCache<Int, String>(limit: 3)
        XCTAssertTrue(cache.want(0))
        XCTAssertFalse(cache.want(0), "running")
        for k in 0..<5 { cache.store("\(k)", for: k) }
        XCTAssertEqual(cache[0], "0", "the wanted one stays")
        XCTAssertNil(cache[1])
        XCTAssertNil(cache[2])
        XCTAssertEqual([3, 4].compactMap { cache[$0] }, ["3", "4"])
        XCTAssertFalse(cache.want(4), "cached")
        XCTAssertTrue(cache.want(1), "dropped: asked again")
    }
}

/// A project read again (another source made current) leaves the old actor report on show
/// until the new one lands: no band is asked for from it, so none is cached under the new key.
final class ThresholdsIntervalsReloadTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testNoBandFromTheReportOfTheSourceBefore() {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        XCTAssertNotNil(ThresholdsScreen(state: state).currentBand())
        F.send(&state, .loaded(F.project))
        XCTAssertNil(ThresholdsScreen(state: state).currentBand(), "the report on show predates the reading")
        XCTAssertFalse(F.effectKeys(&state, F.key("j")).contains(EffectKey.screen(.thresholds, "band").rawValue))
        F.refreshActors(&state)
        XCTAssertNotNil(state.thresholdsScreen.selectedActor)
    }
}
