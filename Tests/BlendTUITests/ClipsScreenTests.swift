import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

final class ClipsScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testTableListsEveryClipByNameAndKeysMoveTheSelection() {
        var state = F.loadedOnClips()
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
        let names = state.clips.rows.map { F.scored.clips[$0].name }
        XCTAssertEqual(names, names.sorted())
        XCTAssertEqual(state.clips.scroll.selected, 0)
        F.send(&state, F.key("j"), F.key("down"), F.key("k"))
        XCTAssertEqual(state.clips.scroll.selected, 1)
        let visible = Table.visibleRows(in: ClipsLayout(state.app).tableRows)
        F.send(&state, F.key("pgdn"))
        XCTAssertEqual(state.clips.scroll.selected, 1 + visible - 1)
        F.send(&state, F.key("end"))
        XCTAssertEqual(state.clips.scroll.selected, F.scored.count - 1)
        XCTAssertEqual(state.clips.scroll.offset, F.scored.count - visible)
        F.send(&state, F.key("pgup"), F.key("home"))
        XCTAssertEqual(state.clips.scroll.selected, 0)
        XCTAssertEqual(state.clips.scroll.offset, 0)
    }

    func testKindAndOutcomeFiltersCycleAndKeepOnlyMatchingClips() {
        var state = F.loadedOnClips()
        F.send(&state, F.key("f"))
        XCTAssertEqual(state.clips.query.kind, .single)
        XCTAssertTrue(state.clips.rows.allSatisfy { F.scored.clips[$0].label.kind == .single })
        F.send(&state, F.key("f"))
        XCTAssertTrue(state.clips.rows.allSatisfy { F.scored.clips[$0].label.kind == .even })
        F.send(&state, F.key("f"), F.key("f"))
        XCTAssertEqual(state.clips.query.kind, .all)

        F.send(&state, F.key("w"))
        let t = state.thresholds
        let right = state.clips.rows
        XCTAssertTrue(right.allSatisfy { F.scored.prediction(of: $0, t) == F.scored.clips[$0].label })
        F.send(&state, F.key("w"))
        let wrong = state.clips.rows
        XCTAssertTrue(wrong.allSatisfy { F.scored.prediction(of: $0, t) != F.scored.clips[$0].label })
        XCTAssertEqual(right.count + wrong.count, F.scored.count)
        XCTAssertGreaterThan(right.count, 0)
        XCTAssertGreaterThan(wrong.count, 0)
    }

    func testWrongClipsFollowTheThresholds() async {
        var state = F.loadedOnClips()
        F.send(&state, F.key("w"), F.key("w"))
        let before = state.clips.rows
        await F.settle(&state, .thresholds(.setThresholds(Thresholds(alpha: 0.3, beta: 0.05))))
        let t = state.thresholds
        XCTAssertNil(state.clips.pending.rows)
        XCTAssertNotEqual(state.clips.rows, before)
        XCTAssertTrue(state.clips.rows.allSatisfy { F.scored.prediction(of: $0, t) != F.scored.clips[$0].label })
    }

    func testSortByMarginAndByLabelDispute() async {
        var state = F.loadedOnClips()
        F.send(&state, F.key("o"))
        XCTAssertEqual(state.clips.query.sort, .margin)
        let margins = state.clips.rows.map { ClipTrace.margin(F.scored.probabilities(of: $0)) }
        XCTAssertEqual(margins, margins.sorted())
        await F.settle(&state, F.key("o"))
        XCTAssertEqual(state.clips.query.sort, .dispute)
        XCTAssertFalse(state.clips.pending.changing(state.clips.query))
        let review = F.scored.labelReview(panel: F.project.reviewPanel)
        XCTAssertEqual(state.clips.rows, review.ranking.map { review.entries[$0].clip })
    }

    func testSearchFiltersAsTypedEnterKeepsAndEscapeClears() throws {
        var state = F.loadedOnClips()
        let name = F.scored.clips[F.scored.count / 2].name
        let needle = String(name.prefix(4))
        F.send(&state, F.key("/"))
        XCTAssertNotNil(state.clips.search)
        for character in needle {
            for action in F.program.actions(for: .key(KeyChord(parsing: String(character))!), region: nil, state: state) {
                F.send(&state, action)
            }
        }
        XCTAssertEqual(state.clips.query.search, needle)
        let expected = F.scored.clips.filter { $0.name.lowercased().contains(needle.lowercased()) }.count
        XCTAssertEqual(state.clips.rows.count, expected)
        XCTAssertLessThan(expected, F.scored.count)
        F.send(&state, .clips(.searching(KeyChord(parsing: "enter")!)))
        XCTAssertNil(state.clips.search)
        XCTAssertEqual(state.clips.rows.count, expected, "Enter keeps the search")
        F.send(&state, F.key("/"), .clips(.searching(KeyChord(parsing: "escape")!)))
        XCTAssertEqual(state.clips.query.search, "")
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
    }

    func testSelectionStaysOnItsClipAcrossFiltersWhenItStillPasses() throws {
        var state = F.loadedOnClips()
        let blendRow = try XCTUnwrap(state.clips.rows.firstIndex { F.scored.clips[$0].label.kind == .uneven && $0 > 0 })
        F.send(&state, .clips(.select(blendRow)))
        let clip = state.clips.selected
        F.send(&state, F.key("f"), F.key("f"), F.key("f"))
        XCTAssertEqual(state.clips.query.kind, .uneven)
        XCTAssertEqual(state.clips.selected, clip)
    }

    func testMouseWheelAndClickSelectRows() {
        var state = F.loadedOnClips(width: 160, height: 48)
        let rows = ClipsLayout(state.app).tableRows
        let y = rows.y + 4
        F.click(&state, x: rows.x + 2, y: y)
        XCTAssertEqual(state.clips.scroll.selected, 3)
        let wheel = InputEvent.mouse(MouseEvent(x: rows.x + 2, y: y, action: .wheelDown))
        for action in F.program.actions(for: wheel, region: nil, state: state) { F.send(&state, action) }
        XCTAssertEqual(state.clips.scroll.selected, 4)
    }

    func testClipPaneTracesTheDecisionItShows() throws {
        let state = F.loadedOnClips(width: 160, height: 48)
        let clip = try XCTUnwrap(state.clips.selected)
        let trace = ClipTrace(F.scored.probabilities(of: clip), state.thresholds)
        XCTAssertEqual(trace.prediction, F.scored.prediction(of: clip, state.thresholds))
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains(F.scored.clips[clip].name))
        for step in trace.steps { XCTAssertTrue(text.contains(step), "missing \(step)") }
    }

    func testTraceNamesTheRuleThatDecided() {
        let t = Thresholds(alpha: 0.1, beta: 0.2)
        func p(_ values: [Double]) -> ArraySlice<Double> { values[...] }
        XCTAssertEqual(ClipTrace(p([0.9, 0.05, 0.02, 0.01, 0.01, 0.01]), t).steps.last, "disg .050 < α .10 → ang")
        XCTAssertEqual(ClipTrace(p([0.45, 0.35, 0.1, 0.05, 0.05, 0]), t).steps.last, "|Δ| .100 ≤ β .20 → ang=disg")
        XCTAssertEqual(ClipTrace(p([0.6, 0.3, 0.1, 0, 0, 0]), t).prediction, .blend(.ang, 70, .disg))
        XCTAssertEqual(ClipTrace(p([0.3, 0, 0, 0, 0, 0.6]), t).steps.last, "neutral in top two → neu")
    }

    func testHundredThousandRowsScrollWithoutRefiltering() {
        let big = ScoredClips.synthetic(count: 100_000, seed: 3)
        let project = ProjectSnapshot(path: "/tmp/big.sqlite", clips: big.clips, encoders: [], fusionCount: 0,
                                      source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2), scored: big)
        var state = WorkbenchProgram.initialState(path: project.path, width: 160, height: 48)
        F.send(&state, .loaded(project), F.key("2"))
        XCTAssertEqual(state.clips.rows.count, 100_000)
        let rows = state.clips.rows
        for _ in 0..<50 {
            F.send(&state, F.key("pgdn"))
            _ = F.program.frame(state, width: 160, height: 48)
        }
        // Paging moves the selection only; the rows are not rebuilt (how fast a step is, is
        // `bench --tui`'s business).
        XCTAssertEqual(state.clips.rows, rows)
        XCTAssertGreaterThan(state.clips.scroll.selected ?? 0, 50 * 10, "fifty pages down")
    }
}

final class ClipsPanelTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testPaneShowsEachOtherEncoderThatPredictedTheClip() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let absent = try XCTUnwrap(state.clips.rows.firstIndex { $0 % 10 == 3 })
        let present = try XCTUnwrap(state.clips.rows.firstIndex { $0 % 10 != 3 })
        F.send(&state, .clips(.select(present)))
        let pane = ClipsLayout(state.app).clip
        func paneText() -> String {
            let lines = F.program.frame(state, width: 160, height: 48).text().split(separator: "\n", omittingEmptySubsequences: false)
            return lines[pane.y..<pane.maxY].map { String($0.suffix(pane.width)) }.joined(separator: "\n")
        }
        XCTAssertTrue(paneText().contains(" other "))
        XCTAssertEqual(paneText().components(separatedBy: "synthetic").count - 1, 1, "the source is drawn once, not again as a member")
        F.send(&state, .clips(.select(absent)))
        XCTAssertFalse(paneText().contains(" other "))
    }

    func testDisputeSortCountsTheOtherEncodersButNotTheSource() async {
        var state = F.loaded()
        F.send(&state, F.key("2"), F.key("o"))
        await F.settle(&state, F.key("o"))
        XCTAssertEqual(state.clips.labelReview?.encoders, ["other"])
    }
}

final class ClipsActorListTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testActorsAreGroupedByFoldThenTestAndScoredAtTheThresholds() throws {
        var state = F.loaded()
        XCTAssertTrue(state.clips.actorScores.isEmpty, "not scored until the Clips screen shows them")
        F.send(&state, F.key("2"))
        let scores = state.clips.actorScores
        XCTAssertEqual(Set(scores.map(\.actor)), Set(F.scored.clips.map(\.actor)))
        let groups = scores.map { ($0.split == .train ? 0 : 1, $0.fold ?? 0) }
        XCTAssertTrue(zip(groups, groups.dropFirst()).allSatisfy { $0 <= $1 })
        let first = try XCTUnwrap(scores.first)
        XCTAssertEqual(first.metrics, F.scored.filter { $0.actor == first.actor }.evaluate(state.thresholds))
        F.send(&state, .thresholds(.setThresholds(Thresholds(alpha: 0.3, beta: 0.05))))
        let moved = try XCTUnwrap(state.clips.actorScores.first { $0.actor == first.actor })
        XCTAssertEqual(moved.metrics, F.scored.filter { $0.actor == first.actor }.evaluate(state.thresholds))
        F.send(&state, F.key("3"), F.key("right"))
        XCTAssertEqual(state.clips.actorScoresThresholds, Thresholds(alpha: 0.3, beta: 0.05), "β steps elsewhere do not rescore")
        F.send(&state, F.key("2"))
        XCTAssertEqual(state.clips.actorScoresThresholds, state.thresholds)
    }

    func testKeysInTheFocusedActorListFilterTheTable() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"), F.key("tab"), F.key("tab"))
        XCTAssertEqual(state.app.focusedPane, ClipsLayout.actorPane)
        F.send(&state, F.key("j"))
        let actor = try XCTUnwrap(state.clips.query.actor)
        XCTAssertEqual(actor, state.clips.actorScores[0].actor)
        XCTAssertFalse(state.clips.rows.isEmpty)
        XCTAssertTrue(state.clips.rows.allSatisfy { F.scored.clips[$0].actor == actor })
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains("\(actor) · o clip"))
        F.send(&state, F.key("home"))
        XCTAssertNil(state.clips.query.actor)
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
    }

    func testClickingAnActorRowSelectsIt() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let rows = ClipsLayout(state.app).actorRows
        F.click(&state, x: rows.x + 1, y: rows.y + 3)
        XCTAssertEqual(state.clips.actorScroll.selected, 2)
        XCTAssertEqual(state.clips.query.actor, state.clips.actorScores[1].actor)
    }

    func testNarrowTerminalsShowTheActorsInTheClipPanesPlaceWhileFocused() {
        var state = F.loaded()
        F.send(&state, F.key("2"))
        XCTAssertFalse(F.program.frame(state, width: 80, height: 24).text().contains("all actors"))
        F.send(&state, F.key("tab"), F.key("tab"))
        let text = F.program.frame(state, width: 80, height: 24).text()
        XCTAssertTrue(text.contains("all actors"))
        XCTAssertFalse(text.contains("Decision"))
    }
}
