import Foundation
import GRDB

/// The connections to one project file: read-only readers opened with the project, and a
/// writer opened on the first write. Or, for tests and in-memory projects, one given writer
/// that also serves the reads (`init(writer:shown:)`).
///
/// Why two kinds for a file: a read-write GRDB pool writes as it opens (it switches the file to WAL and
/// creates and drops a `grdb_issue_102` table when the WAL file is missing), so a verb that
/// only reads would change the file's bytes, and could not read a project on a read-only file
/// or in a read-only folder. Readers never write; the writer exists only in processes that
/// write. Every SQLite error leaving here names the project path and the real reason
/// (`StoreError.database`), while the errors thrown by the closures pass through unchanged.
final class ProjectDatabase: Sendable {
    /// The file SQLite opens (absolute); nil for a given writer (e.g. an in-memory database).
    let file: String?
    /// The path as the user gave it, for messages.
    let path: String
    private let readers: (any DatabaseReader)?
    private let writerConfiguration: Configuration
    private let writerLock = NSLock()
    private nonisolated(unsafe) var openedWriter: (any DatabaseWriter)?

    init(file: String, shown path: String, readers: DatabasePool, writer: Configuration) {
        self.file = file
        self.path = path
        self.readers = readers
        self.writerConfiguration = writer
    }

    /// One connection for reads and writes, opened by the caller (`DatabaseQueue()` in memory).
    init(writer: any DatabaseWriter, shown path: String) {
        file = nil
        self.path = path
        readers = nil
        writerConfiguration = Configuration()
        openedWriter = writer
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try ProjectDatabase.naming(path) { try (readers ?? writer()).read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try ProjectDatabase.naming(path) { try writer().write(body) }
    }

    /// Applies the migrations the file lacks, on the writer.
    func migrate(_ migrator: DatabaseMigrator) throws {
        try ProjectDatabase.naming(path) { try migrator.migrate(writer()) }
    }

    /// Closes every connection (the writer's last close checkpoints the WAL into the file).
    func close() throws {
        try ProjectDatabase.naming(path) {
            try readers?.close()
            try writerLock.withLock { try openedWriter?.close() }
        }
    }

    private func writer() throws -> any DatabaseWriter {
        try writerLock.withLock {
            if let openedWriter { return openedWriter }
            // Only a file's connections reach here without a writer (see the initialisers).
            guard let file else { throw StoreError.corrupt("no database connection to write with") }
            // A queue, not a pool: the file is already in WAL mode (the mode is stored in the
            // file), so nothing is written until the first transaction.
            let queue = try DatabaseQueue(path: file, configuration: writerConfiguration)
            openedWriter = queue
            return queue
        }
    }

    /// Runs `body`, turning SQLite's errors into `StoreError.database` naming the project.
    static func naming<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, DatabaseProblem(error, path: path))
        } catch StoreError.corrupt(let why) {
            // A value that blendscope cannot have written (a hand-edited row): the same
            // message as SQLite's own damage, with the table, row and column it names.
            throw StoreError.database(path: path, .malformed(why))
        } catch let error as RowDecodingError {
            throw StoreError.database(path: path, .malformed("\(error)"))
        }
    }
}

/// What went wrong with the project file, in the words a user acts on.
public enum DatabaseProblem: Equatable, Sendable, CustomStringConvertible {
    /// Another process holds the write lock past the busy timeout.
    case busy
    /// The file or its folder cannot be written (permissions, a read-only mount).
    case readOnly
    /// The disk or quota is full.
    case full(folder: String)
    /// The file is damaged: SQLite's own words.
    case malformed(String)
    /// The file cannot be opened at all.
    case cannotOpen(String)
    /// Any other SQLite failure: its code and words.
    case other(String)

    init(_ error: DatabaseError, path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: self = .busy
        case .SQLITE_READONLY, .SQLITE_PERM: self = .readOnly
        case .SQLITE_FULL: self = .full(folder: folder)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: self = .malformed(error.message ?? "database disk image is malformed")
        case .SQLITE_CANTOPEN: self = .cannotOpen(error.message ?? "unable to open the file")
        case .SQLITE_IOERR where Self.diskIsFull(folder): self = .full(folder: folder)
        default: self = .other(error.message ?? "SQLite error \(error.resultCode.rawValue)")
        }
    }

    /// A write that fails with an I/O error on a full disk reports SQLITE_IOERR, not FULL.
    private static func diskIsFull(_ folder: String) -> Bool {
        var stats = statvfs()
        return statvfs(folder, &stats) == 0 && stats.f_bavail == 0
    }

    /// The message for the project at `path`.
    public func message(path: String) -> String {
        switch self {
        case .busy: "busy: another blendscope process is writing \(path); retry"
        case .readOnly: "\(path): read-only (the file or its folder cannot be written)"
        case .full(let folder): "\(path): no space left on \(folder)"
        case .malformed(let why): "\(path): damaged project file (\(why))"
        case .cannotOpen(let why): "\(path): cannot open (\(why))"
        case .other(let why): "\(path): \(why)"
        }
    }

    public var description: String { message(path: "the project") }
}
