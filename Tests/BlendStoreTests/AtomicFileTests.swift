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
            XCTAssertTrue("\(error)".hasPrefix("\(blocked.relativePath): cannot write"), "\(error)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"])
        XCTAssertEqual(try String(contentsOf: blocked.appendingPathComponent("inside"), encoding: .utf8), "keep")
    }

    func testAMissingDirectoryIsAnError() throws {
        let url = try scratch().appendingPathComponent("no/such/dir/file.md")
        XCTAssertThrowsError(try AtomicFile.write("x", to: url)) { error in
            XCTAssertTrue(error is ExportError, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path))
    }
}
