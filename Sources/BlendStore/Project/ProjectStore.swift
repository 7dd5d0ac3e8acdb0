import Foundation
import GRDB

/// One blendscope project: a single SQLite file (WAL mode, so readers such as the TUI never
/// block a background job's writes). Every importer runs in one transaction and either writes
/// everything or nothing. Safe to share between tasks.
public final class ProjectStore: Sendable {
    /// Where the project lives.
    public let url: URL
    let pool: DatabasePool

    /// Opens the project at `url`, creating the file when `create` is true, and brings its
    /// schema up to date.
    ///
    /// - Throws: `StoreError.noProject` when the file is missing and `create` is false,
    ///   `StoreError.newerSchema` when a newer blendscope wrote it, or a database error.
    public init(at url: URL, create: Bool = true) throws {
        self.url = url
        let path = url.path
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noProject(url.relativePath)
        }
        var config = Configuration()
        config.prepareDatabase { db in
            // In WAL mode NORMAL is durable across application crashes and much faster on
            // commit; only a power loss may drop the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // A job's process writes progress while other processes (`blendscope cancel`, the
        // TUI) write too: wait for the lock rather than fail at once.
        config.busyMode = .timeout(5)
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            // Only SQLite reads the file: a descriptor opened and closed beside its connections
            // would drop their POSIX locks. It fails at the first statement, writing nothing.
            throw StoreError.notAProject(url.relativePath, reason: "not an SQLite database")
        }
        let migrator = Schema.migrator
        // Another program's database gets no blendscope tables (opening it in WAL mode is
        // all that touched it; its own tables and rows are as they were).
        let foreign = try pool.read { db in
            try !db.tableExists("grdb_migrations")
                && Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'") ?? 0 > 0
        }
        if foreign { throw StoreError.notAProject(url.relativePath, reason: "an SQLite database of another program") }
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError.newerSchema(url.relativePath)
        }
        try migrator.migrate(pool)
    }

    /// Convenience for a path as typed on the command line.
    public convenience init(path: String, create: Bool = true) throws {
        try self.init(at: URL(fileURLWithPath: path), create: create)
    }

    /// The identifiers of the schema migrations applied to this file, oldest first.
    public func schemaVersions() throws -> [String] {
        try pool.read { try Schema.migrator.appliedMigrations($0) }
    }
}
