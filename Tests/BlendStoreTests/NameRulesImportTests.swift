import BlendCore
import BlendTestSupport
import Foundation
import XCTest
@testable import BlendStore

/// The clip-name rule and the character rule as every importer and the notes apply them:
/// a refusal names the file and line and leaves the project exactly as it was.
final class NameRulesImportTests: XCTestCase {
    private let header = MetadataCSV.header
    private let rule = " (names, tags and notes may not contain control characters or bidirectional controls, and only a note may span lines)"

    func testFoldersBackslashesAndExtensionsInAnyCaseNameTheSameClip() throws {
        let project = try TestProject(self)
        let meta = try project.file("m.csv", header + #"""
            C:\data\A900_ang_int1_ver1.Mov,A900,0,ang,,,,1,1
            clips/A900_mix_ang_hap_70_30_ver2.MP4,A900,1,ang,hap,70,30,2.0,1
            A901_neu_sit1_ver1.mkv,,,,,,,,

            """#)
        try project.store.importMetadata(from: meta)
        XCTAssertEqual(try project.store.clips().map(\.name),
                       ["A900_ang_int1_ver1", "A900_mix_ang_hap_70_30_ver2", "A901_neu_sit1_ver1"])
        let probs = try project.file("p.csv", #"""
            filename,ang,disg,fea,hap,sad,neu
            D:\x\A900_ang_int1_ver1.MOV,1,0,0,0,0,0
            A900_mix_ang_hap_70_30_ver2,0.7,0,0,0.3,0,0
            /videos/A901_neu_sit1_ver1.avi,0,0,0,0,0,1

            """#)
        XCTAssertEqual(try project.store.importProbabilities(from: probs, encoder: "face").rows, 3)
        let features = try project.file("f.csv", "filename,x\nA900_ang_int1_ver1.mOv,1\n")
        XCTAssertEqual(try project.store.importFeaturesCSV(from: features, encoder: "face").rows, 1)
    }

    func testMetadataNamesOutsideTheRuleAreRefusedWithTheLine() throws {
        let project = try TestProject.small(self)
        let cases: [(String, String)] = [
            ("A900_mix_ang_hap_+70_30_ver1,A900,1,ang,hap,70,30,1,1",
             "'A900_mix_ang_hap_+70_30_ver1': saliences '+70_30' are not 50_50, 70_30 or 30_70 (digits only, no sign) (expected e.g. A438_mix_disg_hap_30_70_ver1)"),
            ("A901_ang,A901,0,ang,,,,1,1",
             "'A901_ang': 2 parts separated by '_'; a clip name has 4, a blend 7 (expected e.g. A102_ang_int1_ver1 or A438_mix_disg_hap_30_70_ver1)"),
            ("B102_ang_int1_ver1,B102,0,ang,,,,1,1",
             "'B102_ang_int1_ver1': actor 'B102' is not a capital A followed by digits (expected e.g. A102_ang_int1_ver1)"),
            ("A900_ang_int1_ver1.wav,A900,0,ang,,,,1,1",
             "'A900_ang_int1_ver1.wav': '.wav' is not a video extension (a clip name may end in .mov, .mp4, .avi, .mkv, in any case)"),
            ("A900_ang_int1_ver1\u{1B}[2J,A900,0,ang,,,,1,1",
             #"clip name 'A900_ang_int1_ver1\u{001B}[2J' contains U+001B (a control character) at character 19"# + rule),
            ("\"A900_ang\tint1_ver1\",A900,0,ang,,,,1,1",
             #"clip name 'A900_ang\u{0009}int1_ver1' contains U+0009 (a tab) at character 9"# + rule),
            ("A900_ang_int1_ver1\u{0},A900,0,ang,,,,1,1",
             #"clip name 'A900_ang_int1_ver1\u{0000}' contains U+0000 (a NUL byte) at character 19"# + rule),
            ("A900_ang_int1_ver1\u{202E},A900,0,ang,,,,1,1",
             #"clip name 'A900_ang_int1_ver1\u{202E}' contains U+202E (a bidirectional control) at character 19"# + rule),
            ("A900_ang_int1_ver1\u{85},A900,0,ang,,,,1,1",
             #"clip name 'A900_ang_int1_ver1\u{0085}' contains U+0085 (a control character) at character 19"# + rule),
        ]
        try assertMetadataRowsRefused(project, cases.map { (["A900_ang_int2_ver1,A900,0,ang,,,,1,1", $0.0], $0.1) })
    }

    func testVideoIDAndVersionMustAgreeWithTheName() throws {
        let project = try TestProject.small(self)
        try assertMetadataRowsRefused(project, [
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1", "A900_ang_int2_ver1,A901,0,ang,,,,1,1"],
             "video_id 'A901' contradicts the file name 'A900_ang_int2_ver1', whose actor is A900"),
            (["A900_mix_ang_hap_70_30_ver2,A900,1,ang,hap,70,30,1,1"],
             "version 1 contradicts the file name 'A900_mix_ang_hap_70_30_ver2', whose version is 2 (_ver2)"),
            (["A900_ang_int1_ver1,A900,0,ang,,,,v1,1"], "malformed version 'v1' (expected a whole number such as 1)"),
            (["A900_mix_ang_hap_70_30_ver1,A900,1,ang,hap,50,50,1,1"],
             "label ang:50;hap:50 in the label columns contradicts the file name's ang:70;hap:30"),
        ])
        // Empty video_id and version say nothing; pandas' floats are the same numbers.
        let fine = try project.file("z.csv", header + "A900_ang_int1_ver1,,0,ang,,,,,1\nA900_ang_int2_ver3,A900,0,ang,,,,3.0,1\n")
        XCTAssertEqual(try project.store.importMetadata(from: fine).added, 2)
    }

    func testProbabilitiesAndFeaturesApplyTheSameRule() throws {
        let project = try TestProject.small(self)
        let probs = try project.file("p.csv", "filename,ang,disg,fea,hap,sad,neu\nA117_ang_int1_ver1,1,0,0,0,0,0\n"
                                     + "A117_ang_int2_ver1\u{9B}31m,1,0,0,0,0,0\n")
        try assertRefused(project.store, file: probs, line: 3,
                          #"clip name 'A117_ang_int2_ver1\u{009B}31m' contains U+009B (a control character) at character 19"# + rule) {
            try project.store.importProbabilities(from: probs, encoder: "voice")
        }
        let signed = try project.file("q.csv", "filename,ang,disg,fea,hap,sad,neu\nA117_mix_ang_hap_+70_30_ver1,1,0,0,0,0,0\n")
        try assertRefused(project.store, file: signed, line: 2,
                          "'A117_mix_ang_hap_+70_30_ver1': saliences '+70_30' are not 50_50, 70_30 or 30_70 (digits only, no sign) (expected e.g. A438_mix_disg_hap_30_70_ver1)") {
            try project.store.importProbabilities(from: signed, encoder: "voice")
        }
        let features = try project.file("f.csv", "filename,x\nA117_ang_int1_ver1,1\nA117_ang_int2_ver1\u{2066},2\n")
        try assertRefused(project.store, file: features, line: 3,
                          #"clip name 'A117_ang_int2_ver1\u{2066}' contains U+2066 (a bidirectional control) at character 19"# + rule) {
            try project.store.importFeaturesCSV(from: features, encoder: "voice")
        }
        // A matrix from an .npz: the row is the line.
        let matrix = FeatureMatrix(names: ["A117_ang_int1_ver1", "a117_ang_int2_ver1"], columns: 1, values: [1, 2])
        let npz = URL(fileURLWithPath: "x.npz")
        try assertRefused(project.store, file: npz, line: 2,
                          "'a117_ang_int2_ver1': actor 'a117' is not a capital A followed by digits (expected e.g. A102_ang_int1_ver1)") {
            try project.store.storeFeatures(matrix, sourceFile: "x.npz", encoder: "voice")
        }
    }

    func testEncoderFusionTagAndNoteTextsFollowTheCharacterRule() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let clip = try store.clips()[0].name
        let before = try store.contentSnapshot()
        let probs = try project.file("p.csv", "filename,ang,disg,fea,hap,sad,neu\n\(clip),1,0,0,0,0,0\n")
        let refusals: [(String, () throws -> Void)] = [
            (#"encoder name 'fa\u{202E}ce' contains U+202E"#, { try store.importProbabilities(from: probs, encoder: "fa\u{202E}ce") }),
            (#"encoder name 'fa\u{0007}ce' contains U+0007"#, { try store.importProbabilities(from: probs, encoder: "fa\u{7}ce") }),
            (#"tag 'bad\u{001B}[31m' contains U+001B"#, { try store.addTag(clip: clip, tag: "bad\u{1B}[31m") }),
            (#"tag 'two\u{000A}lines' contains U+000A (a line break)"#, { try store.addTag(clip: clip, tag: "two\nlines") }),
            (#"tag 'x\u{0009}' contains U+0009 (a tab)"#, { try store.addTag(clip: clip, tag: "x\t") }),
            (#"note 'a\u{0000}b' contains U+0000 (a NUL byte)"#, { try store.addNote(clip: clip, text: "a\u{0}b") }),
            (#"note 'a\u{000D}\u{000A}b' contains U+000D"#, { try store.addNote(clip: clip, text: "a\r\nb") }),
            (#"note 'x\u{2067}y' contains U+2067"#, { try store.addNote(clip: clip, text: "x\u{2067}y") }),
            (#"clip name 'A\u{001B}' contains U+001B"#, { try store.addNote(clip: "A\u{1B}", text: "fine") }),
        ]
        for (message, action) in refusals {
            XCTAssertThrowsError(try action(), message) { error in
                XCTAssertTrue("\(error)".hasPrefix(message), "\(error)")
            }
        }
        XCTAssertEqual(try store.contentSnapshot(), before)

        let note = try store.addNote(clip: clip, text: "occluded\nat 2 s")
        XCTAssertThrowsError(try store.updateNote(id: note.id, text: "esc\u{1B}")) {
            XCTAssertTrue("\($0)".hasPrefix(#"note 'esc\u{001B}' contains U+001B"#), "\($0)")
        }
        XCTAssertEqual(try store.notes().map(\.text), ["occluded\nat 2 s"])
    }

    func testFusionNamesFollowTheCharacterRule() throws {
        let project = try TestProject.small(self)
        let before = try project.store.contentSnapshot()
        let spec = FusionSpec(name: "best\u{1B}]0;x\u{7}", weights: [FusionWeight(encoder: "face", weight: 1)],
                              thresholds: Thresholds(alpha: 0.1, beta: 0.2), method: "manual")
        XCTAssertThrowsError(try project.store.saveFusion(spec)) {
            XCTAssertTrue("\($0)".hasPrefix(#"fusion name 'best\u{001B}]0;x\u{0007}' contains U+001B"#), "\($0)")
        }
        XCTAssertEqual(try project.store.contentSnapshot(), before)
    }

    func testVideoLinksMatchStemsAndQuoteStrangeFileNames() throws {
        let project = try TestProject.small(self)
        let clip = try project.store.clips()[0].name
        let links = [VideoLink(clip: ClipName.stem(of: "\(clip).MOV"), path: "/v/\(clip).MOV", duration: 1, fps: 5, frames: 5),
                     VideoLink(clip: ClipName.stem(of: "evil\u{1B}[2J.mov"), path: "/v/evil\u{1B}[2J.mov", duration: 1, fps: 5, frames: 5)]
        let summary = try project.store.linkVideos(links, folder: "/v")
        XCTAssertEqual(summary.linked, 1)
        XCTAssertEqual(summary.videosWithoutClip, [#"evil\u{001B}[2J"#])
        XCTAssertEqual(try project.store.videos()[clip]?.path, "/v/\(clip).MOV")
    }
}

extension NameRulesImportTests {
    func testOtherMetadataValuesAreQuotedVisibly() throws {
        try assertMetadataRowsRefused(TestProject.small(self), [
            (["A900_ang_int1_ver1,A900,\u{1B}[2J,ang,,,,1,1"], #"malformed mix '\u{001B}[2J' (expected 0 or 1)"#),
            (["A900_ang_int1_ver1,A900,0,ang,,,,1,1\u{202E}"], #"malformed fold '1\u{202E}' (expected 0–4, or empty or -1 for a test clip)"#),
        ])
    }
}
