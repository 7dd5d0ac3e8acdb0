import BlendApp
import Foundation

/// The Jobs screen's state: the project's jobs as last polled, what is selected, the log's
/// scroll, the retraining form and the cancel question, and which jobs this process runs.
public struct JobsState: Sendable {
    /// Every job in the project, newest first, as of `polledAt`.
    public var jobs: [JobRecord] = []
    /// When `jobs` was read: elapsed times and ETAs are measured to it, so a frame drawn
    /// between polls shows the same figures as the data it comes from.
    public var polledAt: Date?
    /// The last status seen of each job, to toast the ones that end; nil before the first
    /// poll (jobs that ended before the TUI opened are not toasted).
    public var seen: [Int64: JobStatus]?
    /// The job list's selection (rows of `jobs`) and scroll.
    public var scroll = TableScroll()
    /// The selected job's id, so the selection stays on it as newer jobs arrive on top.
    public var selectedID: Int64?
    /// The first log line shown; nil follows the tail.
    public var logOffset: Int?
    /// A poll is scheduled or running (at most one at a time).
    public var pollPending = false
    /// Why the last poll failed, shown instead of the list.
    public var pollError: String?
    /// The retraining form, while open.
    public var form: TrainingForm?
    /// The job whose cancellation awaits y/n.
    public var confirmingCancel: Int64?
    /// Jobs this process runs (started with `n`); quitting asks while there are any.
    public var own: Set<Int64> = []
    /// Distinguishes the keys of the training effects this process starts.
    public var startedCount = 0

    public init() {}

    /// The selected job, if any.
    public var selected: JobRecord? {
        guard let row = scroll.selected, row < jobs.count else { return nil }
        return jobs[row]
    }

    /// Jobs still queued or running in any process.
    public var active: [JobRecord] { jobs.filter { !$0.status.isFinished } }

    /// Whether keys go to the form or the cancel question instead of the screen's commands.
    public var capturesKeys: Bool { form != nil || confirmingCancel != nil }
}

/// What happens on the Jobs screen.
public enum JobsAction: Sendable {
    /// The store's jobs, read at the given time.
    case polled([JobRecord], at: Date)
    case pollFailed(String)
    /// A key while the form or the cancel question is open.
    case key(KeyChord)
    /// A retraining started here was recorded as job `id`.
    case started(Int64)
    /// A retraining was refused before it started (the CLI's message).
    case startFailed(String)
    /// A job this process ran has ended (its outcome is in the store).
    case ownJobEnded(Int64)
    /// The store took the cancel request for job `id`.
    case cancelRequested(Int64)
    case cancelFailed(String)
    /// Selects a row of the job list (a click).
    case select(Int)
}
