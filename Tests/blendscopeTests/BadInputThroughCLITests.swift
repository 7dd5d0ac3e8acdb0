import Foundation
import XCTest
@testable import BlendStore

/// Bad input through the real binary: a located message on stderr, a non-zero exit, and the
/// project exactly as it was (or, for a first import, no project file at all).
final class BadInputThroughCLITests: XCTestCase {
    private func write(_ text: String, _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func testRefusedProbabilitiesLeaveTheProjectAsItWas() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("p.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        XCTAssertEqual(try CLI.run(["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path,
                                    "--metadata", set.appendingPathComponent("test_metadata.csv").path]).status, 0)
        XCTAssertEqual(try CLI.run(["import", project, "--probs", set.appendingPathComponent("probs_face.csv").path,
                                    "--encoder", "face"]).status, 0)
        let before = try ProjectStore(path: project, create: false).contentSnapshot()

        let cases: [(String, String)] = [
            ("filename,ang,disg,fea,hap,sad,neu\nA117_ang_int1_ver1,0.5,0.5,0,0,0,0\nA117_ang_int2_ver1,nan,0.5,0,0,0,0\n",
             "bad.csv:3:"),
            ("filename,ang,disg,fea,hap,sad\nA117_ang_int1_ver1,0.5,0.5,0,0,0\n", "bad.csv:1:"),
            ("filename,ang,disg,fea,hap,sad,neu\nA117_ang_int1_ver1,0.5,0.4,0,0,0,0\n", "bad.csv:2:"),
            ("filename,ang,disg,fea,hap,sad,neu\nA999_ang_int1_ver1,0.5,0.5,0,0,0,0\n", "bad.csv:2:"),
        ]
        for (text, location) in cases {
            let file = try write(text, "bad.csv", in: dir)
            let r = try CLI.run(["import", project, "--probs", file, "--encoder", "audio"])
            XCTAssertNotEqual(r.status, 0, text)
            XCTAssertTrue(r.stderr.contains(location), "expected \(location) in: \(r.stderr)")
            XCTAssertEqual(try ProjectStore(path: project, create: false).contentSnapshot(), before, text)
        }
    }

    func testAFailedFirstImportCreatesNoProject() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("new.sqlite").path
        let file = try write("filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold\n"
                             + "A117_ang_int1_ver1,A117,0,ang,,,,1,7\n", "meta.csv", in: dir)
        let r = try CLI.run(["import", project, "--metadata", file])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("meta.csv:2: fold 7 outside 0–4"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: project))
    }

    func testUnknownEncoderIsAClearError() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("p.sqlite").path
        let set = CLI.fixtures.appendingPathComponent("public_set")
        XCTAssertEqual(try CLI.run(["import", project, "--metadata", set.appendingPathComponent("train_metadata.csv").path]).status, 0)
        let r = try CLI.run(["eval", project, "--encoder", "nope", "--alpha", "0.1", "--beta", "0.2"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no encoder named 'nope' in the project (it has none)"), r.stderr)
        XCTAssertFalse(r.stderr.contains("Usage:"), "a refusal is not a usage error: \(r.stderr)")
    }

    func testAnUnknownEncoderOrFusionListsTheKnownOnesClosestFirst() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try PublicSetProject.make(in: dir)
        let probs = PublicSetProject.folder.appendingPathComponent("probs_face.csv").path
        XCTAssertEqual(try CLI.run(["import", project, "--probs", probs, "--encoder", "voice"]).status, 0)
        let r = try CLI.run(["eval", project, "--encoder", "vocie"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no encoder named 'vocie' in the project (it has closest first: voice, face)"), r.stderr)
        let f = try CLI.run(["confusion", project, "--fusion", "nope"])
        XCTAssertTrue(f.stderr.contains("no fusion named 'nope' in the project (it has none)"), f.stderr)
    }

    func testVersionNamesTheReleaseAndTheProjectFormat() throws {
        let r = try CLI.run(["--version"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.range(of: #"^\d+\.\d+\.\d+ \(project format \d+\)\n$"#, options: .regularExpression) != nil, r.stdout)
    }
}
