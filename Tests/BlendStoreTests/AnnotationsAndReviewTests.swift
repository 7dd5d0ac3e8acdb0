import BlendCore
import Foundation
import XCTest
@testable import BlendReport
@testable import BlendStore

final class AnnotationsAndReviewTests: XCTestCase {
    func testAnnotationsInClipOrderFilteredByClipAndTag() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let clips = try store.clips().map(\.name)
        let (first, second) = (clips[0], clips[5])
        // The store keeps milliseconds: a pause between changes makes their order the times'.
        func later() { Thread.sleep(forTimeInterval: 0.003) }
        try store.addTag(clip: second, tag: "suspect-label")
        later()
        let note = try store.addNote(clip: second, text: "brows read as fear, late in the clip")
        later()
        try store.addTag(clip: first, tag: "occluded")
        later()
        try store.addNote(clip: first + ".mov", text: "hand over face")

        let all = try store.annotations()
        XCTAssertEqual(all.map(\.clip), [first, first, second, second], "project clip order first")
        XCTAssertEqual(all.map(\.kind), [.tag, .note, .tag, .note], "then oldest first")
        XCTAssertEqual(all[3].noteID, note.id)
        XCTAssertNil(all[2].noteID)

        let suspect = try store.annotations(tag: "suspect-label")
        XCTAssertEqual(suspect.map(\.text), ["suspect-label", "brows read as fear, late in the clip"])
        XCTAssertEqual(try store.annotations(clip: first).map(\.text), ["occluded", "hand over face"])
        XCTAssertEqual(try store.annotations(tag: "nobody-uses-this"), [])
        XCTAssertThrowsError(try store.annotations(clip: "A999_ang_int1_ver1")) { error in
            XCTAssertEqual(error as? StoreError, .unknownClip("A999_ang_int1_ver1"))
        }

        let table = AnalysisTables.notes(all)
        XCTAssertEqual(table.columns.map(\.key), ["clip", "kind", "text", "created", "note_id"])
        XCTAssertEqual(table.rows[3][4], .integer(Int(note.id)))
        guard case .text(let created) = table.rows[0][3] else { return XCTFail("created is text") }
        XCTAssertTrue(created.hasSuffix("Z") && created.contains("T"), created)
    }

    func testPanelLeavesTheReviewedEncoderOutAndAlignsByName() throws {
        let project = try TestProject.publicSet(self)
        try project.store.importProbabilities(from: Fixtures.publicFile("probs_audio.csv"), encoder: "audio")
        let face = try project.store.labelReview(source: .encoder("face"))
        XCTAssertEqual(face.review.encoders, ["audio"])
        XCTAssertEqual(face.clips.count, 639)
        XCTAssertTrue(face.review.entries.allSatisfy { $0.voters == 1 })

        // A table that lacks some clips votes only where it has them.
        let table = try project.store.allProbabilities()
        let reversed = Array(face.clips.clips.reversed())
        let panel = table.panel(aligningTo: reversed + [ClipInfo(name: "nowhere", actor: "A0", split: .test, fold: nil, label: .single(.ang))])
        XCTAssertEqual(panel.names, ["face", "audio"])
        XCTAssertEqual(panel.present[0].last, false)
        let audio = try project.store.scoredClips(encoder: "audio")
        let n = audio.clips.firstIndex { $0.name == reversed[0].name }!
        XCTAssertEqual(Array(panel.values[1][0..<6]), Array(audio.probabilities(of: n)))

        try project.store.saveFusion(FusionSpec(name: "both", weights: [FusionWeight(encoder: "face", weight: 0.5),
                                                                       FusionWeight(encoder: "audio", weight: 0.5)],
                                                thresholds: Thresholds(alpha: 0.1, beta: 0.2), method: "manual"))
        let fused = try project.store.labelReview(source: .fusion("both"), keep: { $0.split == .train })
        XCTAssertEqual(fused.review.encoders, ["face", "audio"])
        XCTAssertEqual(fused.clips.count, 478)
        XCTAssertTrue(fused.review.entries.allSatisfy { $0.voters == 2 })
    }

    func testEncoderSummariesOnThePublicSet() throws {
        let project = try TestProject.publicSet(self)
        try project.store.importProbabilities(from: Fixtures.publicFile("probs_audio.csv"), encoder: "audio")
        let summaries = try project.store.encoderSummaries()
        XCTAssertEqual(summaries.map(\.info.name), ["face", "audio"])
        for s in summaries {
            let sum = try XCTUnwrap(s.summary)
            let train = try project.store.scoredClips(encoder: s.info.name).filter { $0.split == .train }
            XCTAssertEqual(sum.clips, 478)
            XCTAssertEqual(sum.best, train.naiveSweep(grid: .official).best, s.info.name)
            let folds = try XCTUnwrap(sum.folds)
            XCTAssertEqual(folds.folds.count, 5)
        }
        let table = AnalysisTables.encoders(summaries)
        XCTAssertEqual(table.rows.map { $0[0] }, [.text("face"), .text("audio")])
        for row in table.rows {
            guard case .number(let fold) = row[9], case .number(let honest) = row[10], case .number(let gap) = row[11] else {
                return XCTFail("scores are numbers: \(row)")
            }
            XCTAssertEqual(gap, fold - honest, accuracy: 1e-15)
        }
    }
}
