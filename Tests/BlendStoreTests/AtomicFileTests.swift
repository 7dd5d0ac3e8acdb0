import Foundation
import XCTest
@testable import BlendStore

final class AtomicFileTests: XCTestCase {
    private func scratch() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        return dir
    }

    func testReplacesAWholeFileAndLeavesNothingBeside() throws {
        let dir = try scratch()
        let url = dir.appendingPathComponent("table.csv")
        try AtomicFile.write("old\n", to: url)
        try AtomicFile.write("a,b\n1,2\n", to: url)
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "a,b\n1,2\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["table.csv"])
    }

    func testAFailedWriteKeepsTheTargetAndCleansUp() throws {
        let dir = try scratch()
        // A directory in the target's place: the rename must fail and change nothing.
        let blocked = dir.appendingPathComponent("out.json")
        try FileManager.default.createDirectory(at: blocked, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: blocked.appendingPathComponent("inside"))
        XCTAssertThrowsError(try AtomicFile.write("{}", to: blocked)) { error in
            XCTAssertEqual("\(error)", "\(blocked.relativePath): is a directory; give a file name")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
        XCTAssertEqual(try String(contentsOf: blocked.appendingPathComponent("inside"), encoding: .utf8), "keep")
    }

    func testAMissingDirectoryIsAnError() throws {
        let url = try scratch().appendingPathComponent("no/such/dir/file.md")
        XCTAssertThrowsError(try AtomicFile.write("x", to: url)) { error in
            XCTAssertEqual("\(error)", "\(url.relativePath): no such folder \(url.deletingLastPathComponent().path)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }

    private func entries(_ dir: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    }

    private func mode(_ path: String) throws -> Int {
        try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    func testAFIFOIsRefusedAtOnceAndLeftAlone() throws {
        let dir = try scratch()
        let fifo = dir.appendingPathComponent("pipe.csv")
        XCTAssertEqual(mkfifo(fifo.path, 0o644), 0)
        XCTAssertThrowsError(try AtomicFile.write("x", to: fifo)) { error in
            XCTAssertEqual("\(error)", "\(fifo.relativePath): is a FIFO (named pipe), not a regular file; give a file name")
        }
        XCTAssertEqual(try entries(dir), ["pipe.csv"])
        var info = stat()
        XCTAssertEqual(lstat(fifo.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "still the FIFO")
    }

    func testADeviceIsRefusedButDevNullDiscards() throws {
        XCTAssertThrowsError(try AtomicFile.write("x", to: URL(fileURLWithPath: "/dev/zero"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("/dev/zero: is a character device, not a regular file"), "\(error)")
        }
        XCTAssertNoThrow(try AtomicFile.write("x", to: URL(fileURLWithPath: "/dev/null")))
        XCTAssertEqual(try AtomicFile.target(of: URL(fileURLWithPath: "/dev/null")), .discard)
    }

    func testASymlinkIsFollowedAndItsTargetReplacedInItsOwnFolder() throws {
        let dir = try scratch()
        let real = dir.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false)
        let file = real.appendingPathComponent("table.csv")
        try Data("old\n".utf8).write(to: file)
        XCTAssertEqual(chmod(file.path, 0o640), 0)
        let link = dir.appendingPathComponent("link.csv")
        // A relative link, resolved against the link's own folder.
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real/table.csv")
        try AtomicFile.write("new\n", to: link)
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), "new\n")
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real/table.csv", "the link stays")
        XCTAssertEqual(try mode(file.path), 0o640, "the target keeps its permissions")
        XCTAssertEqual(try entries(dir), ["link.csv", "real"])
        XCTAssertEqual(try entries(real), ["table.csv"])
    }

    func testADanglingSymlinkCreatesItsTargetAndALoopIsRefused() throws {
        let dir = try scratch()
        let link = dir.appendingPathComponent("out.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: dir.appendingPathComponent("made.md").path)
        try AtomicFile.write("x", to: link)
        XCTAssertEqual(try String(contentsOf: dir.appendingPathComponent("made.md"), encoding: .utf8), "x")
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: b.path)
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: a.path)
        XCTAssertThrowsError(try AtomicFile.write("x", to: a)) { error in
            XCTAssertEqual("\(error)", "\(a.relativePath): too many symbolic links")
        }
    }

    func testAnExistingFileKeepsItsModeAndANewOneFollowsTheUmask() throws {
        let dir = try scratch()
        let old = dir.appendingPathComponent("old.csv")
        try Data("x".utf8).write(to: old)
        XCTAssertEqual(chmod(old.path, 0o604), 0)
        try AtomicFile.write("y", to: old)
        XCTAssertEqual(try mode(old.path), 0o604)
        let mask = umask(0o027)
        defer { umask(mask) }
        let fresh = dir.appendingPathComponent("fresh.csv")
        try AtomicFile.write("z", to: fresh)
        XCTAssertEqual(try mode(fresh.path), 0o640, "0666 less the umask, not mkstemp's 0600")
    }

    func testAReadOnlyFolderIsNamed() throws {
        try XCTSkipIf(getuid() == 0, "root may write into any folder")
        let dir = try scratch()
        let locked = dir.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        XCTAssertEqual(chmod(locked.path, 0o555), 0)
        defer { chmod(locked.path, 0o755) }
        let url = locked.appendingPathComponent("t.csv")
        XCTAssertThrowsError(try AtomicFile.write("x", to: url)) { error in
            XCTAssertEqual("\(error)", "\(url.relativePath): \(locked.path) is not writable")
        }
        XCTAssertEqual(try entries(locked), [])
    }

    func testAFileInThePlaceOfTheFolderIsNamed() throws {
        let dir = try scratch()
        let file = dir.appendingPathComponent("plain")
        try Data().write(to: file)
        let url = file.appendingPathComponent("t.csv")
        XCTAssertThrowsError(try AtomicFile.write("x", to: url)) { error in
            XCTAssertEqual("\(error)", "\(url.relativePath): \(file.path) is not a folder")
        }
    }
}
