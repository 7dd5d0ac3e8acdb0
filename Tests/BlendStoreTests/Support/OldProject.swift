import Foundation
import GRDB
import XCTest
@testable import BlendStore

extension XCTestCase {
    /// The path of a project file as an older release wrote it: the schema migrated only up to
    /// `migration`, then `sql` run on it. Its directory is removed when the test ends.
    func oldProject(upTo migration: String, _ sql: String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: migration)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
        return path
    }

    /// An older release's project holding one `train` job (`status`, `progress`, `message`,
    /// `log`), opened as today's release opens it: the migrator must bring it to the current schema.
    func oldProjectWithJob(upTo migration: String, status: String, progress: Double, message: String, log: String = "",
                           file: StaticString = #filePath, line: UInt = #line) throws -> ProjectStore {
        let path = try oldProject(upTo: migration, """
            INSERT INTO job (kind, status, progress, message, created, cancel_requested, log)
            VALUES ('train', '\(status)', \(progress), '\(message)', '2026-01-01 00:00:00.000', 0, '\(log)')
            """)
        let store = try ProjectStore(path: path, create: false)
        XCTAssertEqual(try store.schemaVersions(), Schema.migrator.migrations, file: file, line: line)
        return store
    }
}
