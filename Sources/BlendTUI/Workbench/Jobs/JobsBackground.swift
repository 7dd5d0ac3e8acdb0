import BlendApp
import BlendCore
import Foundation

/// What the Jobs screen's effects share across the UI's lifetime: the project access the
/// polls and jobs run their use cases through (its one session per project), and the jobs
/// this process runs, so that quitting can cancel them and wait until the store says so.
public final class JobsBackground: @unchecked Sendable {
    // Guarded by `lock`: effects run on many tasks.
    private let lock = NSLock()
    private var running: [Int64: JobContext] = [:]
    private let group = DispatchGroup()

    /// How the polls and the jobs open the project.
    let project: ProjectAccess

    public init(project: ProjectAccess = ProjectAccess()) {
        self.project = project
    }

    /// The session on the project at `path`, opened once (never created).
    public func session(_ path: String) throws -> ProjectSession { try project.session(path) }

    /// Records that this process runs `job` until `ended(_:)`.
    func began(_ job: JobContext) {
        lock.lock()
        running[job.jobID] = job
        group.enter()
        lock.unlock()
    }

    /// `job` has ended and its outcome is in the store.
    func ended(_ job: JobContext) {
        lock.lock()
        let known = running.removeValue(forKey: job.jobID) != nil
        lock.unlock()
        if known { group.leave() }
    }

    /// Asks job `id` to stop at once if this process runs it (others see the store's flag).
    func cancel(_ id: Int64) {
        lock.lock()
        let job = running[id]
        lock.unlock()
        job?.cancel()
    }

    /// The ids of the jobs this process runs now.
    public var runningIDs: Set<Int64> {
        lock.lock()
        defer { lock.unlock() }
        return Set(running.keys)
    }

    /// Cancels every job this process runs and waits (at most `timeout`) until each has
    /// recorded its end, so that none is left "running" in the store when the process exits.
    /// Returns whether all of them ended in time.
    @discardableResult
    public func cancelAllAndWait(timeout: Duration = .seconds(10)) -> Bool {
        lock.lock()
        let jobs = Array(running.values)
        lock.unlock()
        jobs.forEach { $0.cancel() }
        return group.wait(timeout: .now() + .nanoseconds(timeout.wholeNanoseconds)) == .success
    }
}
