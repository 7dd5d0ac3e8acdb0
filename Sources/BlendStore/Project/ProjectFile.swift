import BlendFiles
import Foundation
import GRDB

/// How a project file is inspected and opened: what is at the path, whether blendscope wrote
/// it, and the connection settings. Nothing here writes.
enum ProjectFile {
    /// What a path names.
    enum Kind: Equatable {
        case regular(size: Int64)
        /// A folder, FIFO, socket or device, in words (`a directory`).
        case other(String)
    }

    /// What `stat` says of `path` (symbolic links followed); nil when nothing is there.
    static func kind(of path: String) throws -> Kind? {
        switch InputFile.kind(of: path).kind {
        case .regular(let size): return .regular(size: size)
        case .unavailable(errno: ENOENT): return nil
        case .unavailable(errno: ENOTDIR): throw StoreError.notAFile(path, kind: "inside something that is not a folder")
        case .unavailable(errno: EACCES): throw StoreError.database(path: path, .cannotOpen("permission denied"))
        case .unavailable(let code): throw StoreError.database(path: path, .cannotOpen(String(cString: strerror(code))))
        case let other: return .other(other.noun)
        }
    }

    /// Every connection: WAL's NORMAL synchronisation is durable across application crashes
    /// and much faster on commit; a busy lock is waited for, since a job's process writes
    /// progress while other processes (`blendscope cancel`, the TUI) write too.
    private static func base(readonly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readonly
        config.busyMode = .timeout(5)
        if !readonly {
            config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        return config
    }

    static var writerConfiguration: Configuration { base(readonly: false) }

    /// Read-only readers for `path`. Where SQLite cannot create its shared-memory file beside
    /// the project (a read-only folder) and no writer is at work (no WAL file), the file is
    /// opened immutable: nobody can be changing it.
    static func openReaders(path: String, shown: String) throws -> DatabasePool {
        do {
            let pool = try DatabasePool(path: path, configuration: base(readonly: true))
            // Opening is lazy: the first read is where SQLite looks at the file.
            _ = try pool.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") }
            return pool
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAProject(shown, reason: "not an SQLite database")
        } catch let error as DatabaseError
                    where [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode) && canOpenImmutable(path) {
            do {
                return try DatabasePool(path: immutableURI(path), configuration: base(readonly: true))
            } catch let error as DatabaseError {
                throw StoreError.database(path: shown, DatabaseProblem(error, path: shown))
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: shown, DatabaseProblem(error, path: shown))
        }
    }

    private static func canOpenImmutable(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(folder, W_OK) != 0 && !FileManager.default.fileExists(atPath: path + "-wal")
    }

    /// `file:` URI with `immutable=1`; the path's own `?`, `#` and `%` escaped.
    private static func immutableURI(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path) + "?immutable=1"
    }

    enum Status { case current, needsMigration }

    /// Whether the open file is a blendscope project, and whether its schema is current.
    ///
    /// - Throws: `StoreError.notAProject` for another program's database (with or without
    ///   tables, GRDB's bookkeeping or not), `.newerSchema` for a newer blendscope's.
    static func recognise(_ db: Database, shown: String) throws -> Status {
        guard try db.tableExists("grdb_migrations") else {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite%'") ?? 0
            throw StoreError.notAProject(shown, reason: tables == 0 ? "an SQLite database without tables"
                                                                    : "an SQLite database of another program")
        }
        // One read of GRDB's bookkeeping, judged here: the migrator's `hasBeenSuperseded` and
        // `hasCompletedMigrations` would each read it again, on every start of every verb.
        let known = Schema.migrator.migrations
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        guard applied.contains(Schema.firstMigration) else {
            throw StoreError.notAProject(shown, reason: "another program's GRDB database: its migrations are not blendscope's")
        }
        // Superseded: a migration this blendscope does not know was applied by a newer one.
        if applied.contains(where: { !known.contains($0) }) { throw StoreError.newerSchema(shown) }
        return known.allSatisfy(applied.contains) ? .current : .needsMigration
    }
}
