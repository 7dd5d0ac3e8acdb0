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
}
