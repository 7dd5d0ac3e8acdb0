import BlendCore
import BlendStore
import Foundation

/// A job's elapsed time and time left, one rule for both front ends (`JobProgressText`).
extension JobRecord {
    /// Seconds from start to end (or to `now` while it runs); nil before it starts.
    public func elapsed(now: Date?) -> Double? {
        guard let started, let end = finished ?? now else { return nil }
        return max(0, end.timeIntervalSince(started))
    }

    /// Seconds left while it runs (see `JobProgressText.remaining`); nil otherwise.
    public func remaining(now: Date?) -> Double? {
        guard status == .running, let elapsed = elapsed(now: now) else { return nil }
        return JobProgressText.remaining(fraction: progress, elapsed: elapsed, reported: metrics?[.etaSeconds])
    }
}
