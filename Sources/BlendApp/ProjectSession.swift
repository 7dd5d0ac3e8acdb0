import BlendStore
import Foundation
import GRDB

/// One open project, shared by every use case of a process: one `ProjectStore`, so one set
/// of database connections (GRDB's first rule: connect to a database file once). Sendable:
/// the TUI's effects run use cases off the main thread on the same session.
///
/// The use cases are extensions of this type, one file per verb (`Evaluate.swift`,
/// `Fusion.swift`, …); they return BlendCore's analysis values or small result structs and
/// never format text.
public final class ProjectSession: Sendable {
    /// The project as the user named it (for messages and the TUI's tab bar).
    public let path: String
    let store: ProjectStore
    /// Own-best sweeps already made in this session (`ownBestSweep`).
    let sweeps = OwnBestSweeps()

    /// Opens the project at `path`; with `create`, a missing one is created empty.
    ///
    /// - Throws: `StoreError` naming the file: missing, not a project, newer schema, …
    public init(path: String, create: Bool = false) throws {
        self.path = path
        store = try ProjectStore(path: path, create: create)
    }

    /// A session on a database the caller opened: `DatabaseQueue()` for an in-memory project
    /// (tests). See `ProjectStore.init(writer:name:)`.
    public init(writer: any DatabaseWriter, name: String = "in-memory project") throws {
        path = name
        store = try ProjectStore(writer: writer, name: name)
    }

    init(store: ProjectStore, path: String) {
        self.store = store
        self.path = path
    }

    /// Runs `body` on the project at `path`, creating it first when it is missing; a project
    /// created here appears only once `body` succeeded (`ProjectStore.creating`).
    public static func creating<T>(path: String, ifTaken race: CreationRace = .useExisting,
                                   _ body: (ProjectSession) throws -> T) throws -> T {
        try ProjectStore.creating(at: URL(fileURLWithPath: path), ifTaken: race) { store in
            try body(ProjectSession(store: store, path: path))
        }
    }
}
