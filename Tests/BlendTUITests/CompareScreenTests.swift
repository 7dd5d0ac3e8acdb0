import BlendCore
import BlendStore
import XCTest
@testable import BlendTUI

/// The Compare screen's reducer: sources picked, the paired comparison asked for off the UI
/// thread and cached per (sources, thresholds, scope), stale results never shown as current,
/// and Enter handing the flipped clips to the Clips screen.
final class CompareScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func onCompare() -> WorkbenchState {
        var state = F.loaded()
        F.send(&state, F.key("7"))
        return state
    }

    /// Loaded, the Compare screen not yet visited.
    private func fresh() -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: F.project.path, width: 80, height: 24)
        F.send(&state, .loaded(F.project))
        return state
    }

    func testKeySevenShowsCompareAndReadsTheSourcesOffTheUIThread() {
        var state = fresh()
        XCTAssertTrue(F.effectKeys(&state, F.key("7")).contains("screen.compare.sources"))
        XCTAssertEqual(state.app.screen, .compare)
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("reading the sources"))
    }

    func testSourcesDefaultToTheWorkbenchSourceAndTheNextAndTheKeysCycleThem() {
        var state = fresh()
        F.send(&state, F.key("7"))
        let effects = F.program.update(&state, .compare(.sourcesLoaded(F.compareSources + [.fusion("mix")])))
        XCTAssertEqual(effects.count, 1, "the comparison is asked for at once")
        XCTAssertEqual([state.compare.sourceA, state.compare.sourceB], [.encoder("synthetic"), .encoder("other")])
        F.send(&state, F.key("b"))
        XCTAssertEqual(state.compare.sourceB, .fusion("mix"))
        F.send(&state, F.key("x"))
        XCTAssertEqual([state.compare.sourceA, state.compare.sourceB], [.fusion("mix"), .encoder("synthetic")])
        XCTAssertEqual(state.compare.wanted?.thresholdsB, state.thresholds, "the workbench source follows α/β")
        XCTAssertNil(state.compare.wanted?.thresholdsA, "another source keeps its own thresholds")
        F.send(&state, F.key("A"))
        XCTAssertEqual(state.compare.sourceA, .encoder("other"))
    }

    func testABetaStepNeverWaitsAndTheOldResultShowsMarkedStaleUntilTheNewArrives() throws {
        var state = onCompare()
        F.loadCompare(&state)
        let first = state.thresholds
        XCTAssertNotNil(state.compare.current)
        XCTAssertFalse(try XCTUnwrap(state.compare.shown).stale)

        let moved = Thresholds(alpha: first.alpha, beta: first.beta + 0.01)
        let keys = F.effectKeys(&state, .thresholds(.setThresholds(moved)))
        XCTAssertTrue(keys.contains("screen.compare.paired"), "\(keys)")
        XCTAssertNil(state.compare.current, "nothing current for the new β yet")
        XCTAssertTrue(try XCTUnwrap(state.compare.shown).stale)
        XCTAssertEqual(state.compare.shown?.result.thresholdsA, first)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("stale · computing…"), text)

        F.send(&state, .compare(.compared(F.compareKey(moved), F.compareResult(moved))))
        XCTAssertFalse(try XCTUnwrap(state.compare.shown).stale)
        XCTAssertEqual(state.compare.current?.thresholdsA, moved)
        XCTAssertFalse(F.program.frame(state, width: 80, height: 24).text().contains("stale"))

        // Back to the first β: served from the cache, no bootstrap asked for.
        XCTAssertFalse(F.effectKeys(&state, .thresholds(.setThresholds(first))).contains("screen.compare.paired"))
        XCTAssertEqual(state.compare.current?.thresholdsA, first)
    }

    func testAResultForThresholdsNoLongerAskedForIsCachedButNeverShownAsCurrent() throws {
        var state = onCompare()
        F.loadCompare(&state)
        let first = state.thresholds
        let a = Thresholds(alpha: first.alpha, beta: 0.31), b = Thresholds(alpha: first.alpha, beta: 0.32)
        F.send(&state, .thresholds(.setThresholds(a)), .thresholds(.setThresholds(b)))
        // The result for `a` arrives late, after β moved on to `b`.
        F.send(&state, .compare(.compared(F.compareKey(a), F.compareResult(a))))
        XCTAssertNil(state.compare.current)
        XCTAssertEqual(state.compare.shown?.result.thresholdsA, first, "still the last one shown, marked stale")
        XCTAssertTrue(try XCTUnwrap(state.compare.shown).stale)
        // A failure for a key no longer wanted says nothing either.
        F.send(&state, .compare(.failed(F.compareKey(a), "gone")))
        XCTAssertNil(state.compare.failure)
        F.send(&state, .thresholds(.setThresholds(a)))
        XCTAssertEqual(state.compare.current?.thresholdsA, a, "the late result was kept for its own key")
    }

    func testTheCacheStaysSmall() {
        var state = onCompare()
        F.loadCompare(&state)
        for k in 0..<(CompareState.cacheLimit + 5) {
            let t = Thresholds(alpha: 0.1, beta: 0.01 * Double(k))
            F.send(&state, .compare(.compared(F.compareKey(t), F.compareResult(t))))
        }
        XCTAssertLessThanOrEqual(state.compare.cache.count, CompareState.cacheLimit)
        XCTAssertNotNil(state.compare.current, "the wanted one is never evicted")
    }

    func testEnterListsTheSelectedGroupsFlipsOnTheClipsScreenAndEscDropsThem() throws {
        var state = onCompare()
        F.loadCompare(&state)
        let groups = try XCTUnwrap(state.compare.current?.flipGroups)
        XCTAssertEqual(groups[0].onlyA + groups[0].onlyB, state.compare.current?.comparison.flips.count)
        let row = try XCTUnwrap(groups.indices.dropFirst().first { !groups[$0].clips.isEmpty })
        for _ in 0..<row { F.send(&state, F.key("j")) }
        XCTAssertEqual(state.compare.row, row)
        F.send(&state, F.key("enter"))
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertEqual(state.clips.query.list?.names, groups[row].clips)
        let listed = Set(state.clips.rows.map { F.scored.clips[$0].name })
        XCTAssertEqual(listed, groups[row].clips)
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("flips synthetic vs other") || text.contains("\(groups[row].clips.count) listed"), text)
        F.send(&state, F.key("esc"))
        XCTAssertNil(state.clips.query.list)
    }

    func testEnterWhileOnlyAStaleResultShowsListsNothing() {
        var state = onCompare()
        F.loadCompare(&state)
        F.send(&state, .thresholds(.setThresholds(Thresholds(alpha: 0.2, beta: 0.2))))
        F.send(&state, F.key("enter"))
        XCTAssertEqual(state.app.screen, .compare)
    }

    func testTheScreenAtBothSizes() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = F.loaded(width: width, height: height)
            F.send(&state, F.key("7"))
            F.loadCompare(&state)
            try F.assertGolden(F.program.frame(state, width: width, height: height), "compare-data-\(width)x\(height)")
            F.send(&state, .thresholds(.setThresholds(Thresholds(alpha: 0.2, beta: 0.2))))
            try F.assertGolden(F.program.frame(state, width: width, height: height), "compare-stale-\(width)x\(height)")
        }
    }
}
