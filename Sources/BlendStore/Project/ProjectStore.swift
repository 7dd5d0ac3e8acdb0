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
        try Self.refuseForeignFile(url)
        var config = Configuration()
        config.prepareDatabase { db in
            // In WAL mode NORMAL is durable across application crashes and much faster on
            // commit; only a power loss may drop the last transactions.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        // A job's process writes progress while other processes (`blendscope cancel`, the
        // TUI) write too: wait for the lock rather than fail at once.
        config.busyMode = .timeout(5)
        pool = try DatabasePool(path: path, configuration: config)
        let migrator = Schema.migrator
        if try pool.read({ try migrator.hasBeenSuperseded($0) }) {
            throw StoreError.newerSchema(url.relativePath)
        }
        try migrator.migrate(pool)
    }

    /// Refuses an existing non-empty file that blendscope did not write, before anything
    /// (WAL mode, the schema) is written into it: the user's file stays exactly as it was.
    private static func refuseForeignFile(_ url: URL) throws {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard !header.isEmpty else { return }
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.notAProject(url.relativePath, reason: "not an SQLite database")
        }
        var config = Configuration()
        config.readonly = true
        // A read-only look can fail where the real open would not (a WAL file another process
        // must recover first): then the real open decides, and says what is wrong.
        let tables = try? DatabaseQueue(path: url.path, configuration: config).read { db in
            (try db.tableExists("grdb_migrations"), try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'") ?? 0)
        }
        if let (ours, count) = tables, !ours, count > 0 {
            throw StoreError.notAProject(url.relativePath, reason: "an SQLite database of another program")
        }
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
