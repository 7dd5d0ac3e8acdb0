import BlendCore
import Foundation
import XCTest
@testable import BlendTUI

/// The Clips screen of a project with unlabelled test clips (`test_0001.mov` …): listed after
/// the labelled ones with label "—", decoded and traced, filtered by "unlabelled" and split
/// test, and left out of every score.
final class UnlabelledClipsScreenTests: XCTestCase {
    private typealias F = WorkbenchFixture

    /// The fixture's project with three unlabelled clips (probabilities borrowed from
    /// synthetic draws), the second encoder lacking the last one.
    static let project: ProjectSnapshot = {
        var p = F.project
        let draws = ScoredClips.synthetic(count: 3, seed: 11)
        p.unlabelled = UnlabelledScores(clips: (1...3).map { UnlabelledClip(name: "test_000\($0)", file: "test_000\($0).mov") },
                                        probabilities: draws.probabilities)
        p.unlabelledPanel = EncoderPanel(names: ["synthetic", "other"],
                                         values: [draws.probabilities, ScoredClips.synthetic(count: 3, seed: 12).probabilities],
                                         present: [[true, true, true], [true, true, false]])
        return p
    }()

    private func loaded(width: Int = 120, height: Int = 32) -> WorkbenchState {
        var state = WorkbenchProgram.initialState(path: Self.project.path, width: width, height: height)
        F.send(&state, .loaded(Self.project), .analysed(ThresholdAnalysis(F.scored, index: Self.project.index!)))
        F.refreshActors(&state)
        F.refreshDurations(&state)
        F.send(&state, .encodersAnalysed(F.encoderBests), .fusion(.loaded(F.fusionData)), F.key("2"))
        return state
    }

    func testUnlabelledClipsAreListedDecodedAndNeverScored() throws {
        var state = loaded()
        let n = F.scored.count
        XCTAssertEqual(state.clips.rows.count, n + 3)
        XCTAssertEqual(Set(state.clips.rows.filter { $0 >= n }), [n, n + 1, n + 2])
        XCTAssertEqual(state.metrics?.clips, n, "the scores count labelled clips only")
        // "f" cycles through the kinds to "unlabelled" (this project has some), then all again.
        F.send(&state, F.key("f"), F.key("f"), F.key("f"), F.key("f"))
        XCTAssertEqual(state.clips.query.kind, .unlabelled)
        XCTAssertEqual(state.clips.rows, [n, n + 1, n + 2])
        let canvas = F.program.frame(state, width: 120, height: 32)
        let text = canvas.text()
        XCTAssertTrue(text.contains("test_0001"), text)
        XCTAssertTrue(text.contains("test · not scored"), text)
        XCTAssertTrue(text.contains("Decision"), text)
        try F.assertGolden(canvas, "clips-unlabelled-120x32")
        F.send(&state, F.key("f"))
        XCTAssertEqual(state.clips.query.kind, .all)
    }

    func testFiltersThatNeedALabelOrAnActorLeaveThemOut() {
        var state = loaded()
        let n = F.scored.count
        F.send(&state, F.key("w"))
        XCTAssertTrue(state.clips.rows.allSatisfy { $0 < n }, "right/wrong needs a label")
        var query = ClipQuery()
        query.split = .test
        let test = query.rows(F.scored, unlabelled: Self.project.unlabelled, at: state.thresholds, review: nil)
        XCTAssertEqual(test.filter { $0 >= n }.count, 3)
        query.split = .train
        XCTAssertTrue(query.rows(F.scored, unlabelled: Self.project.unlabelled, at: state.thresholds, review: nil).allSatisfy { $0 < n })
        query = ClipQuery()
        query.search = "test_0002"
        XCTAssertEqual(query.rows(F.scored, unlabelled: Self.project.unlabelled, at: state.thresholds, review: nil), [n + 1])
        query = ClipQuery()
        query.kind = .single
        XCTAssertTrue(query.rows(F.scored, unlabelled: Self.project.unlabelled, at: state.thresholds, review: nil).allSatisfy { $0 < n })
    }
}
