import BlendApp
import Foundation

/// The workbench's one seam to the project: the `ProjectSession` every effect runs its use
/// case on. A project is opened once, by the first effect that needs it (the load, off the UI
/// thread, so the first frame never waits), and that session serves every later effect of the
/// process — the encoder sweep, apply, notes and tags, fusion, the Jobs polls and training.
/// An opening that fails is not kept: the next effect tries again and reports its own refusal.
public final class ProjectAccess: @unchecked Sendable {
    // Guarded by `lock`: effects run on many tasks.
    private let lock = NSLock()
    private var sessions: [String: ProjectSession] = [:]
    private let opener: @Sendable (String) throws -> ProjectSession

    /// `open` returns a session on the existing project at a path (never creating one) or
    /// throws the store's located refusal; it is called once per path until it succeeds.
    public init(open: @escaping @Sendable (String) throws -> ProjectSession) {
        opener = open
    }

    /// Opens the project file named on the command line (never creating it).
    public convenience init() {
        self.init { try ProjectSession(path: $0) }
    }

    /// Every effect runs on `session`, whatever path it names (tests: an in-memory project).
    public convenience init(session: ProjectSession) {
        self.init { _ in session }
    }

    /// The session on the project at `path`, opened on first use.
    public func session(_ path: String) throws -> ProjectSession {
        lock.lock()
        defer { lock.unlock() }
        if let session = sessions[path] { return session }
        let session = try opener(path)
        sessions[path] = session
        return session
    }
}
