import Foundation
import XCTest

/// A project edited by hand (with the sqlite3 shell, past its CHECK constraints) is refused
/// with the table, row and column named, never trusted and never crashed on; a damaged or
/// busy file is named with the real reason.
final class StoreEditedByHandTests: XCTestCase {
    func testHandEditedValuesAreRefusedNamingTableRowAndColumn() throws {
        let cases: [(String, String)] = [
            ("UPDATE source_thresholds SET alpha = 'x';", "table source_thresholds, encoder face, column alpha: 'x' is not a number"),
            ("UPDATE source_thresholds SET beta = 7;", "table source_thresholds, encoder face, column beta: 7.0 is outside [0, 1]"),
            ("UPDATE probability SET ang = 'x' WHERE clip_id = 1;", "table probability, encoder 'face', clip '"),
            ("UPDATE probability SET hap = -5 WHERE clip_id = 2;", "column hap: -5.0 is outside [0, 1]"),
            ("UPDATE clip SET fold = 9 WHERE id = 3;", "column fold: 9 is not a fold 0–4"),
            ("UPDATE clip SET label = 'sad:100' WHERE id = 4 AND label <> 'sad:100';", "column label: 'sad:100' contradicts the name"),
            ("UPDATE clip SET label = 'happy' WHERE id = 4;", "column label: 'happy' is not a label"),
            ("UPDATE clip SET split = 'dev' WHERE id = 5;", "column split: 'dev' is not a known value"),
            ("UPDATE clip SET fold = 'two' WHERE id = 6;", "column fold: 'two' is not an integer"),
        ]
        for (sql, message) in cases {
            let dir = try CLI.scratchDirectory(self)
            let path = try PublicSetProject.make(in: dir)
            try PublicSetProject.sqlite(path, sql)
            for arguments in [["eval", path], ["sweep", path], [path]] {
                let r = try CLI.run(arguments)
                XCTAssertNotEqual(r.status, 0, "\(sql) \(arguments)")
                XCTAssertTrue(r.stderr.contains("\(path): damaged project file ("), "\(sql): \(r.stderr)")
                XCTAssertTrue(r.stderr.contains(message), "\(sql) \(arguments): \(r.stderr)")
            }
        }
    }

    func testADamagedFileIsNamedWithSQLitesReason() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try PublicSetProject.make(in: dir)
        // Overwrite the pages after the first with noise: the header still says SQLite.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data((0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) }))
        try handle.close()
        let r = try CLI.run(["eval", path])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("\(path): "), r.stderr)
        XCTAssertFalse(r.stderr.contains("SQLite error"), r.stderr)
    }

    func testAWriterWaitingForALockedProjectSaysWhoHoldsIt() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try PublicSetProject.make(in: dir)
        // Another process takes the write lock and keeps it past the five-second wait. It waits
        // for the lock itself (busy_timeout): the probe below takes the lock for an instant, and
        // a holder that met it without waiting would run its UPDATE outside any transaction.
        let holder = try PublicSetProject.sqlite(
            path, "PRAGMA busy_timeout = 10000; BEGIN IMMEDIATE; UPDATE settings SET alpha = alpha;", wait: false)
        defer { holder.terminate(); holder.waitUntilExit() }
        try waitUntilWriteLocked(path)
        let r = try CLI.run(["use", path, "--alpha", "0.3"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("busy: another blendscope process is writing \(path); retry"), r.stderr)
        // Readers are not blocked by a writer.
        XCTAssertEqual(try CLI.run(["eval", path]).status, 0)
    }

    /// Returns once another process holds `path`'s write lock: a probe that gives up at once
    /// (`.timeout 0`) fails to take it. Waits for the state rather than for a guessed time.
    private func waitUntilWriteLocked(_ path: String) throws {
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            probe.arguments = ["-cmd", ".timeout 0", path, "BEGIN IMMEDIATE; ROLLBACK;"]
            probe.standardOutput = FileHandle.nullDevice
            probe.standardError = FileHandle.nullDevice
            try probe.run()
            probe.waitUntilExit()
            if probe.terminationStatus != 0 { return }
            usleep(10_000)
        }
        XCTFail("the holder never took the write lock")
    }
}
