import BlendCore
import BlendStore
import XCTest
@testable import BlendTUI

/// The Thresholds screen's actor intervals and heterogeneity tests: asked for off the UI
/// thread per (source, α), cached, a β step never asking for a bootstrap, and an answer for
/// another α drawn marked stale, never as current.
final class ThresholdsUncertaintyTests: XCTestCase {
    private typealias F = WorkbenchFixture
    private let effect = "screen.thresholds.uncertainty"

    func testTheLoadAsksOnceAndABetaStepNeverAsks() {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        // The Overview shows at load and computes its own intervals: the tests wait for Thresholds.
        XCTAssertFalse(F.effectKeys(&state, .loaded(F.project)).contains(effect), "not run for a screen not on show")
        XCTAssertTrue(F.effectKeys(&state, F.key("3")).contains(effect))
        F.send(&state, F.key("1"))
        XCTAssertFalse(F.effectKeys(&state, F.key("3")).contains(effect), "already on its way")
        XCTAssertNil(state.thresholdsUncertainty.current)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("β tests: computing…"), text)
        let t = state.thresholds
        XCTAssertFalse(F.effectKeys(&state, .thresholds(.setThresholds(Thresholds(alpha: t.alpha, beta: t.beta + 0.01))))
            .contains(effect), "β does not enter the key")
    }

    func testAnAlphaStepShowsThePreviousAnswerStaleUntilItsOwnArrivesThenServesTheCache() throws {
        var state = F.loaded()
        F.send(&state, F.key("3"))
        XCTAssertNotNil(state.thresholdsUncertainty.current)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("β tests: actors p"))
        let first = state.thresholds
        let moved = Thresholds(alpha: first.alpha + 0.05, beta: first.beta)
        XCTAssertTrue(F.effectKeys(&state, .thresholds(.setThresholds(moved))).contains(effect))
        XCTAssertNil(state.thresholdsUncertainty.current)
        XCTAssertTrue(try XCTUnwrap(state.thresholdsUncertainty.shown).stale)
        XCTAssertTrue(ThresholdsScreen(state: state).testsSummary.hasSuffix("(stale…)"))

        // A late answer for an α no longer asked for is kept but not shown as current.
        let other = Thresholds(alpha: first.alpha + 0.1, beta: first.beta)
        F.send(&state, .thresholdsUncertainty(.computed(F.uncertaintyKey(alpha: other.alpha), F.fixtureUncertainty)))
        XCTAssertNil(state.thresholdsUncertainty.current)

        F.send(&state, .thresholdsUncertainty(.computed(F.uncertaintyKey(alpha: moved.alpha), F.uncertainty(alpha: moved.alpha))))
        XCTAssertFalse(try XCTUnwrap(state.thresholdsUncertainty.shown).stale)
        XCTAssertFalse(F.effectKeys(&state, .thresholds(.setThresholds(first))).contains(effect), "cached")
        XCTAssertNotNil(state.thresholdsUncertainty.current)
    }

    func testTheActorTableShowsEachActorsBetaIntervalAndTheDetailItsSentence() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("3"))
        F.refreshActors(&state)
        let actor = try XCTUnwrap(state.thresholdsScreen.selectedActor)
        let u = try XCTUnwrap(F.fixtureUncertainty.actors[actor.actor])
        let text = F.program.frame(state, width: 160, height: 48).text()
        if let b = u.betaInterval {
            XCTAssertTrue(text.contains(Format.decimal(b.lo)) && text.contains(Format.decimal(b.hi)), text)
        }
        let test = try XCTUnwrap(F.fixtureUncertainty.actorTest)
        XCTAssertTrue(text.contains("Actors: the spread of best β") && test.actors > 1,
                      text)
    }
}
