import Foundation
import GRDB

/// One blendscope project: a single SQLite file (WAL mode, so readers such as the TUI never
/// block a background job's writes). Every importer runs in one transaction and either writes
/// everything or nothing. Safe to share between tasks.
///
/// Opening never writes: a file that is no blendscope project is refused before anything
/// touches it, and a project whose schema is current is read through read-only connections
/// until something is written (see `ProjectDatabase`).
public final class ProjectStore: Sendable {
    /// Where the project lives.
    public let url: URL
    let pool: ProjectDatabase
    /// The folder video paths are kept relative to (`VideoPaths`); nil in memory.
    let videoBase: URL?

    /// Opens the project at `url`, creating it when it is missing and `create` is true.
    ///
    /// A new project is built beside the path and linked into place only if the path is
    /// still free (`ProjectCreation`), so two processes creating the same project never
    /// destroy each other's work.
    ///
    /// - Throws: `StoreError.noProject` when the file is missing and `create` is false,
    ///   `.notAProject` for a file blendscope did not write (empty, not SQLite, another
    ///   program's database), `.notAFile` for a folder, FIFO or device, `.newerSchema` when a
    ///   newer blendscope wrote it, `.database` when SQLite cannot open it.
    public convenience init(at url: URL, create: Bool = true) throws {
        if create, try ProjectFile.kind(of: url.standardizedFileURL.path) == nil {
            try ProjectCreation.create(at: url) { _ in }
        }
        try self.init(existing: url)
    }

    /// Convenience for a path as typed on the command line.
    public convenience init(path: String, create: Bool = true) throws {
        try self.init(at: URL(fileURLWithPath: path), create: create)
    }

    /// A project on a database the caller opened: `DatabaseQueue()` gives an in-memory one
    /// (tests), which is given the current schema. A database with another program's tables,
    /// or a newer blendscope's, is refused as a file would be. `name` stands for the path in
    /// messages.
    ///
    /// The file initialisers above stay the way to open a user's project: only they open
    /// read-only readers and a lazily opened writer.
    public init(writer: any DatabaseWriter, name: String = "in-memory project") throws {
        url = URL(fileURLWithPath: name)
        videoBase = nil
        pool = ProjectDatabase(writer: writer, shown: name)
        let empty = try pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'") == 0
        }
        if !empty, try pool.read({ db in try ProjectFile.recognise(db, shown: name) }) == .current { return }
        try pool.migrate(Schema.migrator)
    }

    /// Opens a project file that exists (or fails saying why).
    init(existing url: URL, displayPath: String? = nil) throws {
        self.url = url
        videoBase = url.standardizedFileURL.deletingLastPathComponent()
        let shown = displayPath ?? url.relativePath
        // Absolute, so SQLite never reads the path as a `file:` URI.
        let path = url.standardizedFileURL.path
        switch try ProjectFile.kind(of: path) {
        case nil: throw StoreError.noProject(shown)
        case .regular(let size):
            // SQLite treats an empty file as an empty database and would write a schema into it.
            if size == 0 { throw StoreError.notAProject(shown, reason: "an empty file") }
        case .other(let kind): throw StoreError.notAFile(shown, kind: kind)
        }
        let readers = try ProjectFile.openReaders(path: path, shown: shown)
        pool = ProjectDatabase(file: path, shown: shown, readers: readers, writer: ProjectFile.writerConfiguration)
        let status = try pool.read { db in try ProjectFile.recognise(db, shown: shown) }
        // An older project's schema is brought up to date: the one write an opening may do.
        if status == .needsMigration { try pool.migrate(Schema.migrator) }
    }

    /// The identifiers of the schema migrations applied to this file, oldest first.
    /// The project-format version this build writes (`blendscope --version` prints it).
    public static var formatVersion: Int { Schema.formatVersion }

    public func schemaVersions() throws -> [String] {
        try pool.read { try Schema.migrator.appliedMigrations($0) }
    }
}
