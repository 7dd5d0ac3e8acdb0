import Foundation

/// Where a running job stands, as its work last reported it.
public struct JobProgress: Sendable, Hashable, Codable {
    /// 0–1.
    public var fraction: Double
    /// One line for people: `greedy round 7/25`.
    public var message: String
    /// Figures worth showing live (`score`, `loss`); nil when there are none.
    public var metrics: JobMetrics?

    public init(fraction: Double, message: String, metrics: JobMetrics? = nil) {
        self.fraction = fraction
        self.message = message
        self.metrics = metrics
    }
}

/// The link between a job's work and everything around it: the work reports progress and
/// polls `isCancelled`; the runner, a signal handler or the TUI call `cancel()`.
///
/// Reporting only stores the latest progress under a lock, so the work may call it from its
/// innermost loop; the runner writes it to the store at its own pace.
public final class JobContext: @unchecked Sendable {
    /// The job's id in the project.
    public let jobID: Int64
    public let kind: String
    private let lock = NSLock()
    private var latest = JobProgress(fraction: 0, message: "")
    private var version = 0
    private var cancelled = false
    private var pendingLog: [String] = []

    init(jobID: Int64, kind: String) {
        self.jobID = jobID
        self.kind = kind
    }

    /// Records progress (the fraction clamped to 0–1).
    public func report(_ fraction: Double, _ message: String, metrics: JobMetrics? = nil) {
        let clamped = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        locked {
            latest = JobProgress(fraction: clamped, message: message, metrics: metrics)
            version += 1
        }
    }

    /// Adds a line to the job's log (written to the store with the next progress).
    public func log(_ line: String) {
        locked { pendingLog.append(line) }
    }

    /// Asks the work to stop; it sees this through `isCancelled` at its next check.
    public func cancel() {
        locked { cancelled = true }
    }

    public var isCancelled: Bool { locked { cancelled } }

    /// Throws `CancellationError` once `cancel()` was called.
    public func checkCancellation() throws {
        if isCancelled { throw CancellationError() }
    }

    /// The latest progress and a number that changes whenever it does.
    var snapshot: (progress: JobProgress, version: Int) { locked { (latest, version) } }

    /// Log lines not yet written, removed from the queue.
    func takeLog() -> [String] {
        locked {
            defer { pendingLog.removeAll() }
            return pendingLog
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
