import XCTest
import BlendCore

/// The clip-name rule of `ClipName`: what it accepts, what it refuses and why, and that every
/// real name of the challenge still parses.
final class ClipNameRuleTests: XCTestCase {
    func testFoldersAndExtensionsInAnyCaseAreDropped() throws {
        for name in ["A102_ang_int1_ver1", "A102_ang_int1_ver1.mov", "A102_ang_int1_ver1.MOV", "A102_ang_int1_ver1.Mov",
                     "A102_ang_int1_ver1.mp4", "A102_ang_int1_ver1.avi", "A102_ang_int1_ver1.MKV",
                     "clips/A102_ang_int1_ver1.mov", "/data/set/A102_ang_int1_ver1", #"C:\data\A102_ang_int1_ver1.mov"#,
                     #"clips\sub/A102_ang_int1_ver1.Mp4"#, "  A102_ang_int1_ver1.mov  "] {
            XCTAssertEqual(ClipName.stem(of: name), "A102_ang_int1_ver1", name)
            let parsed = try ClipName(name)
            XCTAssertEqual(parsed.stem, "A102_ang_int1_ver1", name)
            XCTAssertEqual(parsed.actor, "A102")
            XCTAssertEqual(parsed.version, 1)
            XCTAssertEqual(parsed.label, .single(.ang))
        }
        // Only one extension goes: a second one is part of the stem (and then refused).
        XCTAssertEqual(ClipName.stem(of: "A102_ang_int1_ver1.mov.mov"), "A102_ang_int1_ver1.mov")
    }

    func testTheShapesOfTheChallenge() throws {
        let blend = try ClipName("A2304_mix_disg_hap_30_70_ver3")
        XCTAssertEqual(blend.actor, "A2304")
        XCTAssertEqual(blend.version, 3)
        XCTAssertEqual(blend.label, .blend(.hap, 70, .disg))
        XCTAssertEqual(try ClipName("A1_neu_sit4_ver12").label, .single(.neu))
        XCTAssertEqual(try ClipName("A438_mix_ang_sad_50_50_ver1").label, .blend(.ang, 50, .sad))
    }

    func testRefusedNamesSayWhy() {
        let cases: [(String, String)] = [
            ("", "empty clip name"),
            ("clips/", "empty clip name"),
            ("A901_ang", "'A901_ang': 2 parts separated by '_'; a clip name has 4, a blend 7"),
            ("A102_ang_int1", "3 parts"),
            ("A102_ang_int1_ver1_x", "5 parts"),
            ("A438_mix_disg_hap_30_70", "'A438_mix_disg_hap_30_70': 6 parts separated by '_'; a clip name has 4, a blend 7 (expected e.g. A438_mix_disg_hap_30_70_ver1)"),
            ("B102_ang_int1_ver1", "actor 'B102' is not a capital A followed by digits"),
            ("a102_ang_int1_ver1", "actor 'a102' is not a capital A followed by digits"),
            ("A_ang_int1_ver1", "actor 'A' is not"),
            ("A10x_ang_int1_ver1", "actor 'A10x' is not"),
            ("A１０２_ang_int1_ver1", "is not a capital A followed by digits"),
            ("A102_ANG_int1_ver1", "unknown emotion 'ANG'"),
            ("A102_joy_int1_ver1", "'A102_joy_int1_ver1': unknown emotion 'joy' (expected one of ang, disg, fea, hap, sad, neu)"),
            ("A102_ang_1_ver1", "take '1' is not lower-case letters then digits"),
            ("A102_ang_int_ver1", "take 'int' is not"),
            ("A102_ang_INT1_ver1", "take 'INT1' is not"),
            ("A102_ang_int1_v1", "'v1' is not 'ver' and a take number from 1"),
            ("A102_ang_int1_ver0", "'ver0' is not"),
            ("A102_ang_int1_ver01", "'ver01' is not"),
            ("A102_ang_int1_ver+1", "'ver+1' is not"),
            ("A102_ang_int1_ver99999999999", "'ver99999999999' is not"),
            ("A438_mix_disg_hap_+70_30_ver1", "saliences '+70_30' are not 50_50, 70_30 or 30_70 (digits only, no sign)"),
            ("A438_mix_disg_hap_70_-30_ver1", "saliences '70_-30'"),
            ("A438_mix_disg_hap_070_30_ver1", "saliences '070_30'"),
            ("A438_mix_disg_hap_ 70_30_ver1", "saliences ' 70_30'"),
            ("A438_mix_disg_hap_60_40_ver1", "saliences '60_40'"),
            ("A438_mix_disg_hap_70_70_ver1", "saliences '70_70'"),
            ("A438_mix_disg_neu_50_50_ver1", "a blend mixes two different non-neutral emotions"),
            ("A438_mix_hap_hap_50_50_ver1", "a blend mixes two different non-neutral emotions"),
            ("A102_ang_int1_ver1.wav", "'A102_ang_int1_ver1.wav': '.wav' is not a video extension (a clip name may end in .mov, .mp4, .avi, .mkv, in any case)"),
            ("A102_ang_int1_ver1.mov.bak", "'.mov.bak' is not a video extension"),
            ("A102_ang_int1_ver1\u{1B}[31m", #"clip name 'A102_ang_int1_ver1\u{001B}[31m' contains U+001B (a control character) at character 19"#),
            ("A102_ang\tint1_ver1", "contains U+0009 (a tab) at character 9"),
            ("A102_ang_int1_ver1\u{0}", "contains U+0000 (a NUL byte)"),
            ("A102_ang_int1_ver1\u{202E}", "contains U+202E (a bidirectional control)"),
        ]
        for (name, expected) in cases {
            XCTAssertThrowsError(try ClipName(name), name) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(expected), "\(name): \(text)")
                XCTAssertFalse(text.unicodeScalars.contains(where: TextRules.isForbidden), "the message itself is unsafe: \(text)")
            }
        }
    }

    /// Every name of the shared real data and of the conformance public set obeys the rule,
    /// with the actor its metadata's `video_id` gives and the version its `version` column gives.
    func testEveryRealNameParses() throws {
        var checked = 0
        for path in ["real/train_metadata.csv", "real/test_metadata.csv",
                     "public_set/train_metadata.csv", "public_set/test_metadata.csv"] {
            let rows = try Fixtures.csv(path)
            XCTAssertEqual(rows.first?[0...1], ["filename", "video_id"])
            XCTAssertEqual(rows.first?[7], "version")
            for row in rows.dropFirst() {
                let name = try ClipName(row[0])
                XCTAssertEqual(name.actor, row[1], row[0])
                XCTAssertEqual(String(name.version), row[7], row[0])
                checked += 1
            }
        }
        XCTAssertEqual(checked, 2456 + 594 + 478 + 161)
        for path in ["real/probs_hicmae_kl_e100_last.csv", "public_set/probs_face.csv", "public_set/probs_audio.csv"] {
            for row in try Fixtures.csv(path).dropFirst() { XCTAssertNoThrow(try ClipName(row[0]), row[0]) }
        }
    }
}
