import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// `export --out` through the binary: what it writes through, what it refuses, and that a
/// refusal leaves the target, its folder and the project as they were. `demo`'s refusal of a
/// folder it did not write.
final class ExportTargetTests: XCTestCase {
    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testStandardOutputNamesAndDevNullWriteDirectly() throws {
        let project = try HandProject.make(in: try CLI.scratchDirectory(self))
        // One provenance time for every run, so their bytes can be compared.
        let time = ["SOURCE_DATE_EPOCH": "1767323045"]
        let piped = try CLI.run(["export", project, "emotions"], environment: time)
        for out in ["-", "/dev/stdout"] {
            let r = try CLI.run(["export", project, "emotions", "--out", out], environment: time)
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertEqual(r.stdout, piped.stdout, "--out \(out) is standard output, with no 'wrote' line")
        }
        let null = try CLI.run(["export", project, "emotions", "--out", "/dev/null"])
        XCTAssertEqual(null.status, 0, null.stderr)
    }

    func testRefusedTargetsAreNamedAtOnceAndLeftAlone() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let bytes = FileManager.default.contents(atPath: project)
        let fifo = dir.appendingPathComponent("pipe.csv").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        let folder = dir.appendingPathComponent("folder.csv").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let missing = dir.appendingPathComponent("no/such/out.csv").path
        let cases: [(String, String)] = [
            (fifo, "\(fifo): is a FIFO (named pipe), not a regular file; give a file name"),
            (folder, "\(folder): is a directory; give a file name"),
            ("/dev/zero", "/dev/zero: is a character device, not a regular file"),
            (missing, "\(missing): no such folder \(dir.appendingPathComponent("no/such").path)"),
        ]
        let start = Date()
        for (out, message) in cases {
            let r = try CLI.run(["export", project, "emotions", "--out", out])
            XCTAssertEqual(r.status, 1, out)
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
            XCTAssertEqual(r.stdout, "", out)
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 20, "a FIFO never blocks the export")
        var info = stat()
        XCTAssertEqual(lstat(fifo, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("partial") }, [])
        XCTAssertEqual(FileManager.default.contents(atPath: project), bytes)
    }

    func testAReadOnlyFolderIsNamedAndLeftEmpty() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        // Root-owned 0755: read-only for `nobody`, who reads the project (0644) and exports.
        XCTAssertEqual(chmod(dir.path, 0o755), 0)
        XCTAssertEqual(chmod(project, 0o644), 0)
        let out = locked.appendingPathComponent("t.csv").path
        guard let r = try CLI.runAsNobody(["export", project, "emotions", "--out", out]) else {
            throw XCTSkip("needs root and setpriv to run as an unprivileged user")
        }
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("\(out): \(locked.path) is not writable"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: locked.path), [])
    }

    func testASymlinkIsFollowedAndTheFileKeepsItsMode() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let real = dir.appendingPathComponent("tables")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false)
        let file = real.appendingPathComponent("emotions.md").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: file))
        XCTAssertEqual(chmod(file, 0o640), 0)
        let link = dir.appendingPathComponent("latest.md").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        let r = try CLI.run(["export", project, "emotions", "--out", link])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!-- blendscope export\n"), "Markdown from the link's name")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link), file)
        XCTAssertEqual(try mode(file), 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: real.path), ["emotions.md"])
    }

    func testDemoRefusesAFolderItDidNotWriteBeforeWritingAnything() throws {
        let dir = try CLI.scratchDirectory(self)
        let folder = dir.appendingPathComponent("mine.files")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        try Data("precious".utf8).write(to: folder.appendingPathComponent("train_metadata.csv"))
        let project = dir.appendingPathComponent("mine.sqlite").path
        let r = try CLI.run(["demo", project, "--no-videos"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("mine.files/ exists and was not written by `blendscope demo`"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["mine.files"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["train_metadata.csv"])
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("train_metadata.csv"), encoding: .utf8), "precious")
    }
}
