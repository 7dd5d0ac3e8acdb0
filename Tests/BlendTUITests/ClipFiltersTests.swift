import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// The split, fold, emotion and tag filters, "clear all" and the filter line.
final class ClipFiltersTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func names(_ state: WorkbenchState) -> Set<String> { Set(state.clips.rows.map { F.scored.clips[$0].name }) }

    func testSplitCyclesTrainTestAndBack() {
        var state = F.loadedOnClips()
        for split in Split.allCases {
            F.send(&state, F.key("s"))
            XCTAssertEqual(state.clips.query.split, split)
            XCTAssertEqual(state.clips.rows.count, F.scored.clips.filter { $0.split == split }.count)
            XCTAssertGreaterThan(state.clips.rows.count, 0)
        }
        F.send(&state, F.key("s"))
        XCTAssertNil(state.clips.query.split)
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
    }

    func testFoldCyclesThroughTheProjectsFolds() {
        var state = F.loadedOnClips()
        let folds = F.project.foldSizes.indices
        XCTAssertEqual(folds.count, 5)
        for fold in folds {
            F.send(&state, F.key("F"))
            XCTAssertEqual(state.clips.query.fold, fold)
            XCTAssertEqual(state.clips.rows.count, F.scored.clips.filter { $0.fold == fold }.count)
            XCTAssertEqual(state.clips.rows.count, F.project.foldSizes[fold])
        }
        F.send(&state, F.key("F"))
        XCTAssertNil(state.clips.query.fold)
    }

    func testEmotionKeepsLabelsContainingItAloneOrInABlend() {
        var state = F.loadedOnClips()
        for emotion in Emotion.allCases {
            F.send(&state, F.key("e"))
            XCTAssertEqual(state.clips.query.emotion, emotion)
            let expected = F.scored.clips.filter { $0.label.emotions.contains(emotion) }
            XCTAssertEqual(state.clips.rows.count, expected.count, "\(emotion)")
            if emotion != .neu { XCTAssertTrue(expected.contains { $0.label.isBlend }, "blends count too") }
        }
        F.send(&state, F.key("e"))
        XCTAssertNil(state.clips.query.emotion)
    }

    func testTagCyclesThroughTheProjectsTagsAndNeedsSome() {
        var state = F.loadedOnClips()
        F.send(&state, F.key("#"))
        XCTAssertNil(state.clips.query.tag)
        XCTAssertEqual(state.app.toasts.last?.kind, .warning, "no tags yet: the key says so")

        let clips = F.scored.clips
        let map: [String: Set<String>] = [clips[3].name: ["occluded"], clips[40].name: ["occluded", "suspect"],
                                          clips[77].name: ["suspect"], "not-in-this-source": ["suspect"]]
        F.send(&state, .clips(.tagMapLoaded(map)))
        F.send(&state, F.key("#"))
        XCTAssertEqual(state.clips.query.tag, "occluded")
        XCTAssertEqual(names(state), [clips[3].name, clips[40].name])
        F.send(&state, F.key("#"))
        XCTAssertEqual(state.clips.query.tag, "suspect")
        XCTAssertEqual(names(state), [clips[40].name, clips[77].name])
        F.send(&state, F.key("#"))
        XCTAssertNil(state.clips.query.tag)
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
    }

    func testTagMapArrivingUnderATagFilterRebuildsTheRows() async {
        var state = F.loadedOnClips()
        let clips = F.scored.clips
        F.send(&state, .clips(.tagMapLoaded([clips[3].name: ["occluded"]])), F.key("#"))
        XCTAssertEqual(state.clips.rows.count, 1)
        await F.settle(&state, .clips(.tagMapLoaded([clips[3].name: ["occluded"], clips[9].name: ["occluded"]])))
        XCTAssertEqual(names(state), [clips[3].name, clips[9].name])
    }

    func testFiltersCombineAndClearAllRemovesEveryOneButKeepsTheOrder() {
        var state = F.loadedOnClips(width: 160, height: 48)
        F.send(&state, F.key("o"), F.key("f"), F.key("f"), F.key("w"), F.key("w"), F.key("s"), F.key("F"), F.key("e"))
        F.send(&state, F.key("tab"), F.key("tab"), F.key("j"), F.key("tab"))
        F.send(&state, F.key("/"), .clips(.searching(KeyChord(parsing: "S")!)), .clips(.searching(KeyChord(parsing: "enter")!)))
        let q = state.clips.query, t = state.thresholds
        let expected = F.scored.clips.indices.filter { i in
            let c = F.scored.clips[i]
            return c.label.kind == .even && F.scored.prediction(of: i, t) != c.label && c.split == .train && c.fold == 0
                && c.label.emotions.contains(.ang) && c.actor == q.actor && c.name.contains("S")
        }
        XCTAssertNotNil(q.actor)
        XCTAssertEqual(Set(state.clips.rows), Set(expected))
        XCTAssertTrue(q.isFiltered)

        F.send(&state, F.key("c"))
        XCTAssertFalse(state.clips.query.isFiltered)
        XCTAssertEqual(state.clips.query.sort, .margin, "the order is not a filter")
        XCTAssertEqual(state.clips.rows.count, F.scored.count)
        XCTAssertEqual(state.clips.actorScroll.selected, 0, "the actor list is back on every actor")
        XCTAssertNil(state.clips.search)
    }

    func testFilterLineShowsEveryActiveFilterAndAbbreviatesAt80Columns() {
        var state = F.loadedOnClips()
        XCTAssertEqual(F.filterLine(state, width: 80, height: 24).trimmingCharacters(in: .whitespaces), "all clips · o clip")
        F.send(&state, .clips(.tagMapLoaded([F.scored.clips[0].name: ["occluded"]])))
        F.send(&state, F.key("f"), F.key("f"), F.key("f"), F.key("w"), F.key("w"), F.key("s"), F.key("F"), F.key("F"),
               F.key("e"), F.key("#"))
        F.send(&state, .thresholds(.setThresholds(state.thresholds)))
        XCTAssertEqual(F.filterLine(state, width: 80, height: 24).trimmingCharacters(in: .whitespaces),
                       "70/30 ✗ tr f1 ∋ang #occluded ↕clip")
        F.send(&state, .app(.input(.resize(width: 160, height: 48), region: nil)))
        XCTAssertEqual(F.filterLine(state, width: 160, height: 48).trimmingCharacters(in: .whitespaces),
                       "f 70/30 · w wrong · s train · F fold 1 · e has ang · # occluded · o clip")
        F.send(&state, F.key("c"), F.key("w"), F.key("w"), F.key("s"))
        XCTAssertEqual(F.filterLine(state, width: 160, height: 48).trimmingCharacters(in: .whitespaces),
                       "w wrong · s train · o clip  c clears")
    }
}
