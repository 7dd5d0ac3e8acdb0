import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// The Clips table's rebuilds that run off the UI thread: right/wrong after α/β steps, and the
/// label review for the dispute order.
final class ClipsOffThreadTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func wrongOnly(width: Int = 160, height: Int = 48) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        F.send(&state, F.key("2"), F.key("w"), F.key("w"))
        XCTAssertEqual(state.clips.query.outcome, .wrong)
        return state
    }

    private func wrong(at t: Thresholds) -> [Int] {
        F.scored.clips.indices.filter { F.scored.prediction(of: $0, t) != F.scored.clips[$0].label }
            .sorted { F.scored.clips[$0].name < F.scored.clips[$1].name }
    }

    func testABetaStepUnderTheWrongFilterLeavesTheRowsToAnEffect() async throws {
        var state = wrongOnly()
        F.send(&state, F.key("3"), F.key("b"))
        let before = state.clips.rows
        for _ in 0..<8 { F.send(&state, F.key("right")) }
        XCTAssertEqual(F.effectKeys(&state, F.key("right")), [ClipsReducer.clipRowsKey])
        XCTAssertEqual(state.clips.rows, before, "the UI thread did not rebuild")
        XCTAssertNotEqual(wrong(at: state.thresholds), before, "yet the step changes which clips are wrong")
        XCTAssertEqual(state.clips.pending.rows, ClipRowsRequest(query: state.clips.query, thresholds: state.thresholds))
        F.send(&state, F.key("2"))
        let title = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(title.contains("… \(before.count) of 600"), "pending shows as …")

        await F.settle(&state, F.key("3"), F.key("right"))
        XCTAssertNil(state.clips.pending.rows)
        XCTAssertEqual(state.clips.rows, wrong(at: state.thresholds))
    }

    func testOnlyTheRightWrongFilterDependsOnTheThresholds() {
        var state = F.loaded()
        F.send(&state, F.key("2"), F.key("f"), F.key("3"))
        XCTAssertEqual(F.effectKeys(&state, F.key("right")), [], "no rebuild without right/wrong")
        XCTAssertNil(state.clips.pending.rows)
    }

    func testARebuildForAnOlderRequestIsDropped() {
        var state = wrongOnly()
        F.send(&state, F.key("3"), F.key("b"), F.key("right"))
        let old = try! XCTUnwrap(state.clips.pending.rows)
        F.send(&state, F.key("right"))
        let rows = state.clips.rows
        F.send(&state, .clips(.rowsBuilt(old, [1, 2, 3])))
        XCTAssertEqual(state.clips.rows, rows)
        XCTAssertNotNil(state.clips.pending.rows)
        F.send(&state, F.key("2"), F.key("f"))
        XCTAssertNil(state.clips.pending.rows, "a rebuild on the UI thread supersedes the pending one")
        let current = ClipRowsRequest(query: state.clips.query, thresholds: state.thresholds)
        F.send(&state, .clips(.rowsBuilt(current, [1, 2, 3])))
        XCTAssertNotEqual(state.clips.rows, [1, 2, 3], "nothing was asked for any more")
    }

    func testTheSelectedClipKeepsItsScreenLineAcrossARebuild() async throws {
        var state = wrongOnly()
        F.send(&state, F.key("pgdn"), F.key("j"), F.key("j"))
        let clip = try XCTUnwrap(state.clips.selected)
        let line = state.clips.scroll.selected! - state.clips.scroll.offset
        var t = state.thresholds
        // Find a β step after which the selected clip is still wrong.
        var beta = t.beta
        repeat {
            beta += 0.01
            t.beta = beta
        } while !wrong(at: t).contains(clip) || wrong(at: t) == state.clips.rows
        await F.settle(&state, .thresholds(.setKnob(.beta, beta)))
        XCTAssertEqual(state.clips.selected, clip)
        XCTAssertEqual(state.clips.scroll.selected! - state.clips.scroll.offset, line)
    }

    func testTheDisputeOrderWaitsForTheReviewComputedOffTheUIThread() async {
        var state = F.loaded()
        F.send(&state, F.key("2"), F.key("o"))
        XCTAssertEqual(F.effectKeys(&state, F.key("o")).compactMap { $0 }, [ClipsReducer.labelReviewKey])
        XCTAssertNil(state.clips.labelReview)
        XCTAssertTrue(state.clips.pending.review)
        let names = state.clips.rows.map { F.scored.clips[$0].name }
        XCTAssertEqual(names, names.sorted(), "by name until the review arrives")
        XCTAssertTrue(F.program.frame(state, width: 80, height: 24).text().contains("… 600 of 600"))
        XCTAssertEqual(F.effectKeys(&state, F.key("j")).compactMap { $0 }.filter { $0 == ClipsReducer.labelReviewKey }, [],
                       "asked once")

        F.send(&state, F.key("o"))
        XCTAssertEqual(state.clips.query.sort, .clip)
        XCTAssertFalse(F.program.frame(state, width: 80, height: 24).text().contains("… 600"), "the clip order waits for nothing")
        F.send(&state, F.key("o"), F.key("o"))
        XCTAssertTrue(state.clips.pending.review, "still asked once")
        let review = F.scored.labelReview(panel: F.project.reviewPanel)
        await F.settle(&state, .clips(.reviewed(review)))
        XCTAssertFalse(state.clips.pending.changing(state.clips.query))
        XCTAssertEqual(state.clips.rows, review.ranking.map { review.entries[$0].clip })
    }
}

final class ClipsLargeProjectTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testFilterKeysOnALargeProjectRebuildOffTheUIThread() async {
        let count = ClipsReducer.inlineRebuildLimit + 1
        let big = ScoredClips.synthetic(count: count, seed: 5)
        let project = ProjectSnapshot(path: "/tmp/big.sqlite", clips: big.clips, encoders: [], fusionCount: 0,
                                      source: .encoder("synthetic"), thresholds: Thresholds(alpha: 0.1, beta: 0.2), scored: big)
        var state = WorkbenchProgram.initialState(path: project.path, width: 160, height: 48)
        F.send(&state, .loaded(project), F.key("2"))
        XCTAssertEqual(state.clips.rows.count, count, "the first rows are there at once")
        XCTAssertEqual(F.effectKeys(&state, F.key("s")).compactMap { $0 }.filter { $0 != ClipsReducer.clipNotesKey },
                       [ClipsReducer.clipRowsKey])
        XCTAssertEqual(state.clips.rows.count, count, "not rebuilt on the UI thread")
        XCTAssertEqual(state.clips.query.split, .train)
        await F.settle(&state, F.key("e"))
        XCTAssertEqual(state.clips.rows.count, big.clips.filter { $0.split == .train && $0.label.emotions.contains(.ang) }.count)
        F.send(&state, F.key("/"))
        XCTAssertEqual(F.effectKeys(&state, .clips(.searching(KeyChord(parsing: "S")!))).compactMap { $0 }
            .filter { $0 != ClipsReducer.clipNotesKey }, [ClipsReducer.clipRowsKey])
    }
}
