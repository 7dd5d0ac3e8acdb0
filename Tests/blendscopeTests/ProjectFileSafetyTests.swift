import Foundation
import XCTest
@testable import BlendStore

/// What the real binary does with files it did not write, with projects it only reads, and
/// with a first import that races another: it refuses before writing, reads without
/// writing, and never removes what another process made.
final class ProjectFileSafetyTests: XCTestCase {
    private let publicSet = PublicSetProject.folder
    private let trainMetadata = PublicSetProject.trainMetadata

    private func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
    private func sqlite(_ path: String, _ sql: String) throws { try PublicSetProject.sqlite(path, sql) }
    private func project(in dir: URL) throws -> String { try PublicSetProject.make(in: dir) }

    func testFilesBlendscopeDidNotWriteAreRefusedAndLeftByteForByte() throws {
        let dir = try CLI.scratchDirectory(self)
        let file = { (name: String) in dir.appendingPathComponent(name).path }
        XCTAssertTrue(FileManager.default.createFile(atPath: file("empty.sqlite"), contents: Data()))
        try Data("hello, not a database\n".utf8).write(to: URL(fileURLWithPath: file("text.sqlite")))
        try sqlite(file("rollback.db"), "CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 7;")
        try sqlite(file("wal.db"), "PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (2);")
        try sqlite(file("grdb-app.db"), """
            CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
            INSERT INTO grdb_migrations VALUES ('createPlayers'); CREATE TABLE player (id INTEGER PRIMARY KEY);
            """)
        try sqlite(file("no-tables.db"), "PRAGMA user_version = 3;")
        let cases: [(String, String)] = [
            ("empty.sqlite", "not a blendscope project (an empty file)"),
            ("text.sqlite", "not a blendscope project (not an SQLite database)"),
            ("rollback.db", "not a blendscope project (an SQLite database of another program)"),
            ("wal.db", "not a blendscope project (an SQLite database of another program)"),
            ("grdb-app.db", "not a blendscope project (another program's GRDB database"),
            ("no-tables.db", "not a blendscope project (an SQLite database without tables)"),
        ]
        for (name, message) in cases {
            let path = file(name)
            let before = try bytes(path)
            for arguments in [["import", path, "--metadata", trainMetadata], ["eval", path, "--alpha", "0.1", "--beta", "0.1"],
                              ["use", path, "--alpha", "0.2"], [path]] {
                let r = try CLI.run(arguments)
                XCTAssertNotEqual(r.status, 0, "\(arguments)")
                XCTAssertTrue(r.stderr.contains("\(path): \(message)"), "\(arguments): \(r.stderr)")
                XCTAssertEqual(try bytes(path), before, "\(arguments) changed \(name)")
            }
        }
    }

    func testPathsThatAreNotFilesAreRefusedAtOnce() throws {
        let dir = try CLI.scratchDirectory(self)
        let folder = dir.appendingPathComponent("folder.sqlite").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let fifo = dir.appendingPathComponent("fifo.sqlite").path
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        for (path, kind) in [(folder, "a directory"), (fifo, "a FIFO (named pipe)"), ("/dev/null", "a character device")] {
            for arguments in [["eval", path], ["import", path, "--metadata", trainMetadata]] {
                let started = Date()
                let r = try CLI.run(arguments)
                XCTAssertNotEqual(r.status, 0)
                XCTAssertTrue(r.stderr.contains("\(path): is \(kind), not a project file"), r.stderr)
                XCTAssertLessThan(Date().timeIntervalSince(started), 5, "\(arguments) must not hang")
            }
        }
        let missing = dir.appendingPathComponent("no/such/folder/p.sqlite").path
        let r = try CLI.run(["import", missing, "--metadata", trainMetadata])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("no such folder"), r.stderr)
    }

    func testVerbsThatOnlyReadLeaveTheFileAsItWas() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try project(in: dir)
        let before = try bytes(path)
        let reads: [[String]] = [
            ["eval", path], ["eval", path, "--json"], ["sweep", path], ["folds", path], ["actors", path],
            ["confusion", path], ["review", path], ["notes", path], ["export", path, "confusion", "--format", "md"],
            ["export", path, "submission", "--split", "test"], [path], [path, "--json"],
        ]
        for arguments in reads {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
            XCTAssertEqual(try bytes(path), before, "\(arguments) changed the project file")
        }
    }

    func testAProjectInAReadOnlyFolderIsReadAndRefusesWritesByName() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try project(in: dir)
        // Readable by everyone, writable by its owner only: read-only for `nobody`.
        XCTAssertEqual(chmod(dir.path, 0o755), 0)
        XCTAssertEqual(chmod(path, 0o644), 0)
        let before = try bytes(path)
        guard let eval = try CLI.runAsNobody(["eval", path, "--json"]) else { throw XCTSkip("needs root and setpriv") }
        XCTAssertEqual(eval.status, 0, eval.stderr)
        XCTAssertTrue(eval.stdout.contains("acc_presence"), eval.stdout)
        let sweep = try XCTUnwrap(try CLI.runAsNobody(["sweep", path]))
        XCTAssertEqual(sweep.status, 0, sweep.stderr)
        let use = try XCTUnwrap(try CLI.runAsNobody(["use", path, "--alpha", "0.3"]))
        XCTAssertNotEqual(use.status, 0)
        XCTAssertTrue(use.stderr.contains("\(path): read-only"), use.stderr)
        XCTAssertEqual(try bytes(path), before)
    }

    /// Two first imports into the same new path: one slow and failing (a long metadata file
    /// whose last row is bad), one quick and succeeding. The successful project survives,
    /// whichever finishes first.
    func testAFailingFirstImportNeverRemovesTheProjectAnotherProcessCreated() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = dir.appendingPathComponent("race.sqlite").path
        var slow = "filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold\n"
        for i in 0..<60_000 { slow += "A\(100 + i % 800)_ang_int\(i)_ver1,A\(100 + i % 800),0,ang,,,,1,\(i % 5)\n" }
        slow += "A117_ang_int1_ver1,A117,0,ang,,,,1,7\n"
        let slowFile = dir.appendingPathComponent("slow.csv")
        try Data(slow.utf8).write(to: slowFile)

        let failing = Process()
        failing.executableURL = CLI.executable
        failing.arguments = ["import", path, "--metadata", slowFile.path]
        failing.standardOutput = FileHandle.nullDevice
        failing.standardError = FileHandle.nullDevice
        try failing.run()
        // Wait until the slow import has begun its new project beside the path.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, (try FileManager.default.contentsOfDirectory(atPath: dir.path)).allSatisfy({ !$0.hasSuffix(".creating") }),
              failing.isRunning {
            usleep(2_000)
        }
        let quick = try CLI.run(["import", path, "--metadata", trainMetadata])
        failing.waitUntilExit()
        XCTAssertEqual(quick.status, 0, quick.stderr)
        XCTAssertNotEqual(failing.terminationStatus, 0)
        let clips = try CLI.json([path, "--json"])["clips"] as? Int
        XCTAssertEqual(clips, 478, "the successful import's clips are all there")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".creating") }
        XCTAssertEqual(leftovers, [], "the failed import leaves no temporary file")
    }

    func testASuccessfulFirstImportLeavesNoTemporaryFile() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try project(in: dir)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }, [])
        XCTAssertEqual(try CLI.json(["eval", path, "--json"])["clips"] as? Int, 639)
    }

    /// A full disk, on a 160 KB tmpfs (root only; skipped where mounting is not allowed).
    func testAFullDiskIsNamedAndLeavesNothingBehind() throws {
        let dir = try CLI.scratchDirectory(self)
        let mountPoint = dir.appendingPathComponent("tiny").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: false)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=160k", "tmpfs", mountPoint]
        mount.standardError = FileHandle.nullDevice
        guard getuid() == 0, (try? mount.run()) != nil else { throw XCTSkip("needs root to mount a tmpfs") }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("mounting a tmpfs is not allowed here") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint]
            try? umount.run()
            umount.waitUntilExit()
        }
        let path = mountPoint + "/p.sqlite"
        let r = try CLI.run(["import", path, "--metadata", trainMetadata,
                             "--metadata", publicSet.appendingPathComponent("test_metadata.csv").path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("\(path): no space left on \(mountPoint)"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: mountPoint), [])
    }
}
