@testable import BlendDemo
import XCTest
@testable import BlendCore

final class DemoRosterTests: XCTestCase {
    let clips = defaultDemo.clips

    func testCompositionIsBlemoreShaped() {
        XCTAssert((3_000...3_100).contains(clips.count), "\(clips.count) clips")
        let share = { (kind: Label.Kind) in Double(self.clips.filter { $0.info.label.kind == kind }.count) / Double(self.clips.count) }
        XCTAssertEqual(share(.single), 0.46, accuracy: 0.02)
        XCTAssertEqual(share(.even), 0.18, accuracy: 0.015)
        XCTAssertEqual(share(.uneven), 0.36, accuracy: 0.02)
        XCTAssert(clips.contains { $0.info.label == .single(.neu) })
        let uneven = clips.filter { $0.info.label.kind == .uneven }
        // 70/30 counts both directions.
        XCTAssert(uneven.contains { $0.name.contains("_30_70_") } && uneven.contains { $0.name.contains("_70_30_") })
        XCTAssert(clips.contains { $0.version == 2 }, "some actors retook clips")
    }

    func testActorsSplitAndFoldsAreDisjoint() {
        let train = clips.filter { $0.info.split == .train }, test = clips.filter { $0.info.split == .test }
        XCTAssertEqual(Set(train.map(\.info.actor)).count, 47)
        XCTAssertEqual(Set(test.map(\.info.actor)).count, 11)
        XCTAssert(Set(train.map(\.info.actor)).isDisjoint(with: test.map(\.info.actor)))
        XCTAssert(test.allSatisfy { $0.info.fold == nil })

        var foldOfActor: [String: Int] = [:]
        for clip in train {
            guard let fold = clip.info.fold else { return XCTFail("\(clip.name) has no fold") }
            XCTAssertEqual(foldOfActor[clip.info.actor, default: fold], fold, "\(clip.info.actor) spans folds")
            foldOfActor[clip.info.actor] = fold
        }
        for fold in 0..<5 {
            let size = train.filter { $0.info.fold == fold }.count
            XCTAssert((470...520).contains(size), "fold \(fold) has \(size) clips")
        }
    }

    func testNamesParseAndAgreeWithLabels() throws {
        XCTAssertEqual(Set(clips.map(\.name)).count, clips.count, "file names are unique")
        for clip in clips {
            let parsed = try ClipName(clip.name)
            XCTAssertEqual(parsed.label, clip.info.label, clip.name)
            XCTAssertEqual(parsed.actor, clip.info.actor, clip.name)
            XCTAssert(clip.name.hasSuffix("_ver\(clip.version)"), clip.name)
            let actor = clip.info.actor
            XCTAssert(actor.first == "A" && actor.dropFirst().allSatisfy(\.isNumber), "actor ids look like A102: \(actor)")
        }
    }

    func testEachSplitIsSortedByFileNameTrainingFirst() {
        let names = clips.map(\.name)
        let firstTest = clips.firstIndex { $0.info.split == .test }!
        XCTAssert(clips[..<firstTest].allSatisfy { $0.info.split == .train })
        XCTAssertEqual(Array(names[..<firstTest]), names[..<firstTest].sorted())
        XCTAssertEqual(Array(names[firstTest...]), names[firstTest...].sorted())
    }

    func testCompleteActorsRecordTheChallengeConditions() {
        XCTAssertEqual(DemoRoster.conditions.count, 54)
        XCTAssertEqual(DemoRoster.conditions.filter { $0.label.isBlend }.count, 30)
        XCTAssert(DemoRoster.conditions.contains { $0.middle == "mix_disg_hap_30_70" && $0.label == .blend(.hap, 70, .disg) })
        XCTAssert(DemoRoster.conditions.contains { $0.middle == "neu_sit4" })
    }
}
