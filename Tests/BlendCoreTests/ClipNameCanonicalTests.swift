@testable import BlendCore
import XCTest

/// The byte-level fast path for plain clip names (`ClipName.canonical`) agrees with the full
/// rule: on every name it accepts it gives the same stem, actor, label and version, and it
/// accepts nothing the full rule refuses (it leaves those, and their messages, to the rule).
final class ClipNameCanonicalTests: XCTestCase {
    private func fullRule(_ name: String) -> ClipName? { try? ClipName(fullRule: name) }

    private func assertAgrees(_ name: String, file: StaticString = #filePath, line: UInt = #line) {
        if let fast = ClipName.canonical(name) {
            XCTAssertEqual(fast, fullRule(name), "'\(name)'", file: file, line: line)
        }
    }

    func testPlainNamesTakeTheFastPathWithTheFullRulesResult() throws {
        var names: [String] = []
        for actor in ["A1", "A102", "A2304"] {
            for e in Emotion.allCases {
                for take in ["int1", "sit4", "x9"] { names.append("\(actor)_\(e.code)_\(take)_ver1") }
            }
            for (i, a) in Emotion.blendable.enumerated() {
                for b in Emotion.blendable[(i + 1)...] {
                    for s in ["50_50", "70_30", "30_70"] { names += ["\(actor)_mix_\(a.code)_\(b.code)_\(s)_ver2",
                                                                     "\(actor)_mix_\(b.code)_\(a.code)_\(s)_ver123456789"] }
                }
            }
        }
        for name in names {
            let fast = try XCTUnwrap(ClipName.canonical(name), "'\(name)' should take the fast path")
            XCTAssertEqual(fast, try ClipName(fullRule: name), name)
        }
    }

    func testEveryNameTheFastPathCannotJudgeIsLeftToTheFullRule() throws {
        let refused = ["", "A901_ang", "A102_ang_int1", "A102_ang_int1_ver1_x", "B102_ang_int1_ver1", "A_ang_int1_ver1",
                       "A10x_ang_int1_ver1", "A102_Ang_int1_ver1", "A102_mix_int1_ver1", "A102_ang_1int_ver1",
                       "A102_ang_int_ver1", "A102_ang_INT1_ver1", "A102_ang_int1_ver0", "A102_ang_int1_ver01",
                       "A102_ang_int1_ver", "A102_ang_int1_ver1234567890", "A102_ang_int1_Ver1",
                       "A438_mix_ang_ang_50_50_ver1", "A438_mix_ang_neu_50_50_ver1", "A438_mix_ang_hap_50_70_ver1",
                       "A438_mix_ang_hap_+50_50_ver1", "A438_mix_ang_hap_050_50_ver1", "A438_mix_ang_hap_30_70_ver1_",
                       "test_0001", "test_x", "A102__int1_ver1"]
        for name in refused {
            XCTAssertNil(ClipName.canonical(name), "'\(name)'")
            XCTAssertNil(fullRule(name), "'\(name)' is refused by the rule")
        }
        // Forms the rule takes but only by trimming or dropping an extension: its own path.
        for name in ["A102_ang_int1_ver1.mov", " A102_ang_int1_ver1", "clips/A102_ang_int1_ver1", "A102_ang_int1_ver٣"] {
            XCTAssertNil(ClipName.canonical(name), "'\(name)'")
        }
    }

    /// Seeded single-byte mutations of real names: whatever the fast path accepts, the full rule
    /// accepts identically.
    func testMutatedNamesNeverDisagree() {
        var random = SeededRandom(seed: 16)
        let alphabet = Array("A_0123456789amixverngdsfhpulotbc.Z ".utf8)
        let seeds = ["A102_ang_int1_ver1", "A438_mix_disg_hap_30_70_ver1", "A2304_neu_sit4_ver12", "test_0001"]
        for _ in 0..<20_000 {
            var bytes = Array(seeds[random.nextIndex(below: seeds.count)].utf8)
            for _ in 0...random.nextIndex(below: 3) {
                let at = random.nextIndex(below: bytes.count + 1)
                let b = alphabet[random.nextIndex(below: alphabet.count)]
                switch random.nextIndex(below: 3) {
                case 0 where at < bytes.count: bytes[at] = b
                case 1 where at < bytes.count: bytes.remove(at: at)
                default: bytes.insert(b, at: at)
                }
            }
            assertAgrees(String(decoding: bytes, as: UTF8.self))
        }
    }

    func testPlainUnlabelledNamesParseAsByTheFullRule() throws {
        for name in ["test_0001", "test_594", "test_1"] {
            XCTAssertTrue(ClipName.isPlainUnlabelled(name), name)
            XCTAssertEqual(try AnyClipName(name), .unlabelled(stem: name, file: name + ".mov"))
        }
        for name in ["test_", "test_x1", " test_0001", "test_0001.mov", "Test_0001", "test_٣"] {
            XCTAssertFalse(ClipName.isPlainUnlabelled(name), name)
        }
        XCTAssertEqual(try AnyClipName("test_0001.MP4"), .unlabelled(stem: "test_0001", file: "test_0001.MP4"))
    }

    func testCanonicalLabelSpellingsParseAsBefore() {
        XCTAssertEqual(Label("ang:100"), .single(.ang))
        XCTAssertEqual(Label("ang:30;sad:70"), .blend(.ang, 30, .sad))
        // Non-canonical spellings still parse by the full rule.
        XCTAssertEqual(Label("sad:70;ang:30"), .blend(.ang, 30, .sad))
        XCTAssertNil(Label("ang:50"))
        XCTAssertNil(Label("neu:50;ang:50"))
        for e in Emotion.allCases { XCTAssertEqual(Label(Label.single(e).description), .single(e)) }
    }
}
