import BlendTestSupport
import Foundation
import XCTest
@testable import BlendStore

/// The clip-name rule and the character rule through the real binary: a non-zero exit, one
/// message naming the file and line (or the flag), the project exactly as it was, no escape
/// sequence from the input echoed raw, and the real data still importing.
final class NameRulesThroughCLITests: XCTestCase {
    private let header = MetadataCSV.header

    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func snapshot(_ project: String) throws -> ContentSnapshot {
        try ProjectStore(path: project, create: false).contentSnapshot()
    }

    private func assertRefused(_ r: CLI.Result, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNotEqual(r.status, 0, r.stderr, file: file, line: line)
        XCTAssertTrue(r.stderr.contains(expected), "expected \(expected) in: \(r.stderr)", file: file, line: line)
        XCTAssertFalse(r.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" || $0 == "\u{202E}" },
                       "a control character reached the terminal: \(r.stderr.debugDescription)", file: file, line: line)
    }

    func testAFirstImportWithANameOutsideTheRuleCreatesNoProject() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("new.sqlite").path
        let rows = [
            ("A117_mix_ang_hap_+70_30_ver1,A117,1,ang,hap,70,30,1,0",
             "'A117_mix_ang_hap_+70_30_ver1': saliences '+70_30' are not 50_50, 70_30 or 30_70"),
            ("A901_ang,A901,0,ang,,,,1,0", "'A901_ang': 2 parts separated by '_'"),
            ("B102_ang_int1_ver1,B102,0,ang,,,,1,0", "'B102_ang_int1_ver1': actor 'B102' is not a capital A followed by digits"),
            ("A117_ang_int2_ver1,A118,0,ang,,,,1,0", "video_id 'A118' contradicts the file name 'A117_ang_int2_ver1', whose actor is A117"),
            ("A117_ang_int2_ver2,A117,0,ang,,,,1,0", "version 1 contradicts the file name 'A117_ang_int2_ver2', whose version is 2"),
            ("A117_ang_int2_ver1\u{1B}[2J,A117,0,ang,,,,1,0", #"clip name 'A117_ang_int2_ver1\u{001B}[2J' contains U+001B"#),
            ("A117_ang_int2_ver1\u{202E},A117,0,ang,,,,1,0", #"clip name 'A117_ang_int2_ver1\u{202E}' contains U+202E (a bidirectional control)"#),
        ]
        for (row, message) in rows {
            let meta = try write(header + "A117_ang_int1_ver1,A117,0,ang,,,,1,0\n" + row + "\n", "meta.csv", in: dir)
            assertRefused(try CLI.run(["import", project, "--metadata", meta]), "meta.csv:3: " + message)
            XCTAssertFalse(FileManager.default.fileExists(atPath: project), row)
        }
    }

    func testRefusedNamesInDataFilesLeaveTheProjectAsItWas() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let before = try snapshot(project)
        let probs = try write("filename,ang,disg,fea,hap,sad,neu\nA3_hap_int1_ver1,0,0,0,1,0,0\n"
                              + "A9_sad_int1_ver1\u{9B}2J,0,0,0,0,1,0\n", "p.csv", in: dir)
        assertRefused(try CLI.run(["import", project, "--probs", probs, "--encoder", "other"]),
                      #"p.csv:3: clip name 'A9_sad_int1_ver1\u{009B}2J' contains U+009B (a control character)"#)
        let features = try write("filename,x\nA3_hap_int1_ver1.Mov,1\nA9_sad_int1_ver1.wav,2\n", "f.csv", in: dir)
        assertRefused(try CLI.run(["import", project, "--features", features, "--encoder", "other"]),
                      "f.csv:3: 'A9_sad_int1_ver1.wav': '.wav' is not a video extension")
        let names = try write("A3_hap_int1_ver1\nA9_sad\u{0}int1_ver1\n", "names.txt", in: dir)
        let npy = dir.appendingPathComponent("m.npy")
        try NPYWriter.float32Matrix([1, 2], rows: 2, columns: 1).write(to: npy)
        assertRefused(try CLI.run(["import", project, "--features", npy.path, "--names", names, "--encoder", "other"]),
                      #"names.txt:2: clip name 'A9_sad\u{0000}int1_ver1' contains U+0000 (a NUL byte)"#)
        let meta = try write(header + "A3_hap_int1_ver1,A4,0,hap,,,,1,2\n", "m.csv", in: dir)
        assertRefused(try CLI.run(["import", project, "--metadata", meta]),
                      "m.csv:2: video_id 'A4' contradicts the file name 'A3_hap_int1_ver1', whose actor is A3")
        XCTAssertEqual(try snapshot(project), before)

        // The same clips named with folders, backslashes and extensions in any case import fine.
        let fine = try write(#"""
            filename,ang,disg,fea,hap,sad,neu
            C:\clips\A3_hap_int1_ver1.MOV,0,0,0,1,0,0
            videos/A9_sad_int1_ver1.Mp4,0,0,0,0,1,0

            """#, "fine.csv", in: dir)
        let r = try CLI.run(["import", project, "--probs", fine, "--encoder", "other"])
        XCTAssertEqual(r.status, 0, r.stderr)
    }

    func testForbiddenCharactersInFlagsAreUsageErrors() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let before = try snapshot(project)
        // Read after the snapshot: opening a project may fold its write-ahead log into the file.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: project))
        let probs = try write("filename,ang,disg,fea,hap,sad,neu\nA3_hap_int1_ver1,0,0,0,1,0,0\n", "p.csv", in: dir)
        let cases: [([String], String)] = [
            (["note", project, "A3_hap_int1_ver1", "--tag", "bad\u{1B}[31m"], #"--tag 'bad\u{001B}[31m' contains U+001B (a control character)"#),
            (["note", project, "A3_hap_int1_ver1", "--tag", "two\nlines"], #"--tag 'two\u{000A}lines' contains U+000A (a line break)"#),
            (["note", project, "A3_hap_int1_ver1", "--text", "see \u{202E}txt.exe"], #"--text 'see \u{202E}txt.exe' contains U+202E"#),
            (["note", project, "A3_hap_int1_ver1", "--text", "a\r\nb"], #"contains U+000D (a line break)"#),
            (["note", project, "A3_hap_int1_ver1", "--remove-tag", "x\u{7}"], #"--remove-tag 'x\u{0007}' contains U+0007"#),
            (["note", project, "A3_hap\u{1B}_int1_ver1", "--tag", "fine"], #"clip name 'A3_hap\u{001B}_int1_ver1' contains U+001B"#),
            (["import", project, "--probs", probs, "--encoder", "fa\u{1B}ce"], #"--encoder 'fa\u{001B}ce' contains U+001B"#),
            (["train", project, "--encoder", "hand", "--as", "x\u{9B}"], #"--as 'x\u{009B}' contains U+009B"#),
            (["fuse", project, "--as", "best\u{2066}"], #"--as 'best\u{2066}' contains U+2066"#),
            (["notes", project, "--tag", "x\u{1B}[2J"], #"--tag 'x\u{001B}[2J' contains U+001B"#),
            (["notes", project, "--clip", "A3\u{85}"], #"--clip 'A3\u{0085}' contains U+0085"#),
        ]
        for (arguments, message) in cases {
            let r = try CLI.run(arguments)
            assertRefused(r, message)
            XCTAssertEqual(r.status, 64, "a usage error: \(r.stderr)")
        }
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: project)), bytes, "refused before the project was opened")
        XCTAssertEqual(try snapshot(project), before)

        // A note may span lines; it is kept as typed.
        let r = try CLI.run(["note", project, "A3_hap_int1_ver1", "--text", "occluded\nat 2 s", "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try ProjectStore(path: project, create: false).notes().map(\.text), ["occluded\nat 2 s"])
    }

    /// Bytes that are not UTF-8 on the command line reach the program as U+FFFD, which the
    /// rule refuses.
    func testAnArgumentThatIsNotUTF8IsRefused() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let before = try snapshot(project)
        let run = try ChildProcessRun.run(URL(fileURLWithPath: "/bin/sh"),
                                          ["-c", #"exec "$0" note "$1" A3_hap_int1_ver1 --tag "$(printf 'x\377y')""#,
                                           CLI.executable.path, project])
        let stderr = run.stderrText
        XCTAssertNotEqual(run.status, 0, stderr)
        XCTAssertTrue(stderr.contains(#"--tag 'x\u{FFFD}y' contains U+FFFD (a replacement character"#), stderr)
        XCTAssertEqual(try snapshot(project), before)
    }

    func testVideosMatchByTheSameRule() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/ffmpeg") else { throw XCTSkip("ffmpeg is not installed") }
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let videos = dir.appendingPathComponent("videos")
        try FileManager.default.createDirectory(at: videos, withIntermediateDirectories: true)
        let source = videos.appendingPathComponent("A3_hap_int1_ver1.MOV")
        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/ffmpeg")
        make.arguments = ["-v", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:s=16x16:r=5", "-t", "1",
                          "-c:v", "mpeg4", "-f", "mov", source.path]
        try make.run()
        make.waitUntilExit()
        XCTAssertEqual(make.terminationStatus, 0)
        try FileManager.default.copyItem(at: source, to: videos.appendingPathComponent("A9_sad_int1_ver1.Mkv"))
        try FileManager.default.copyItem(at: source, to: videos.appendingPathComponent("evil\u{1B}]0;x\u{7}.mp4"))
        let r = try CLI.run(["import", project, "--videos", videos.path, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertFalse(r.stdout.unicodeScalars.contains("\u{1B}"), r.stdout.debugDescription)
        let videoPaths = try ProjectStore(path: project, create: false).videos()
        XCTAssertEqual(Set(videoPaths.keys), ["A3_hap_int1_ver1", "A9_sad_int1_ver1"])
    }

    /// The real BLEMORE names (3,050 clips) and predictions still import through the binary.
    func testTheRealDataImports() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("real.sqlite").path
        let real = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data/real")
        let r = try CLI.run(["import", project, "--metadata", real.appendingPathComponent("train_metadata.csv").path,
                             "--metadata", real.appendingPathComponent("test_metadata.csv").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let p = try CLI.run(["import", project, "--probs", real.appendingPathComponent("probs_hicmae_kl_e100_last.csv").path,
                             "--encoder", "hicmae-kl"])
        XCTAssertEqual(p.status, 0, p.stderr)
        XCTAssertEqual(try ProjectStore(path: project, create: false).clips().count, 3050)
    }
}
