import Foundation
import GRDB

/// What to do when another process created the project while this one was building it.
public enum CreationRace: Sendable {
    /// Run the work again on the project that is now there (an import adds to it).
    case useExisting
    /// Refuse: the work was meant for a new project only (the demo).
    case refuse
}

/// Creating a project without ever destroying one: the new project is built under a temporary
/// name beside the path, and linked into place (`link(2)`, which fails if the name exists)
/// only when the work on it succeeded. A failure removes only the temporary file; a path that
/// some other process created or filled in the meantime is never unlinked or replaced.
enum ProjectCreation {
    static func create<T>(at url: URL, ifTaken race: CreationRace = .useExisting,
                          _ body: (ProjectStore) throws -> T) throws -> T {
        let shown = url.relativePath
        let target = url.standardizedFileURL
        let folder = target.deletingLastPathComponent()
        try checkFolder(folder, for: shown)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).creating")
        defer {
            for suffix in ["", "-wal", "-shm"] { unlink(temporary.path + suffix) }
        }
        try ProjectDatabase.naming(shown) {
            let queue = try DatabaseQueue(path: temporary.path, configuration: ProjectFile.writerConfiguration)
            // The journal mode is stored in the file: every later connection uses WAL.
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
            try Schema.migrator.migrate(queue)
            try queue.close()
        }
        let result: T
        do {
            let store = try ProjectStore(existing: temporary, displayPath: shown)
            result = try body(store)
            // The last connection's close checkpoints the WAL: the file alone holds everything.
            try store.pool.close()
        }
        if link(temporary.path, target.path) == 0 { return result }
        guard errno == EEXIST else {
            throw StoreError.database(path: shown, .cannotOpen("cannot create it in \(folder.path): \(String(cString: strerror(errno)))"))
        }
        switch race {
        case .useExisting: return try body(ProjectStore(existing: url))
        case .refuse: throw StoreError.createdMeanwhile(shown)
        }
    }

    /// The folder must exist, be a folder and take new files.
    private static func checkFolder(_ folder: URL, for shown: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) else {
            throw StoreError.database(path: shown, .cannotOpen("no such folder \(folder.path)"))
        }
        guard isFolder.boolValue else {
            throw StoreError.database(path: shown, .cannotOpen("\(folder.path) is not a folder"))
        }
        guard access(folder.path, W_OK) == 0 else { throw StoreError.database(path: shown, .readOnly) }
    }
}

extension ProjectStore {
    /// Runs `body` on the project at `url`, creating the project if it is missing. A project
    /// created here appears at `url` only once `body` has succeeded; a failed first command
    /// leaves the disk exactly as it was, and never removes what another process made.
    public static func creating<T>(at url: URL, ifTaken race: CreationRace = .useExisting,
                                   _ body: (ProjectStore) throws -> T) throws -> T {
        if try ProjectFile.kind(of: url.standardizedFileURL.path) != nil {
            return try body(ProjectStore(existing: url))
        }
        return try ProjectCreation.create(at: url, ifTaken: race, body)
    }
}
