import BlendCore
import BlendStore

/// A job's kind, its recorded settings and its work: what a front end hands to `runJob`.
public struct JobWork<Value: Sendable>: Sendable {
    public let kind: String
    public let config: String?
    public let work: @Sendable (JobContext) throws -> Value

    public init(kind: String, config: String?, work: @escaping @Sendable (JobContext) throws -> Value) {
        self.kind = kind
        self.config = config
        self.work = work
    }
}

extension ProjectSession {
    /// Records the job (queued), after marking the jobs whose process is gone interrupted.
    public func prepareJob<Value>(_ work: JobWork<Value>) throws -> JobContext {
        try JobRunner(store: store).prepare(kind: work.kind, config: work.config)
    }

    /// Runs a prepared job on its own thread, storing progress and the outcome; blocks.
    ///
    /// - Throws: the work's error, `CancellationError` after a cancel.
    public func runJob<Value>(_ job: JobContext, _ work: JobWork<Value>,
                              onProgress: (JobProgress) -> Void = { _ in }) throws -> Value {
        try JobRunner(store: store).run(job, onProgress: onProgress, work.work)
    }

    /// The same for async callers (the workbench); cancelling the task cancels the job.
    public func runJob<Value>(_ job: JobContext, _ work: JobWork<Value>,
                              onProgress: @escaping @Sendable (JobProgress) -> Void = { _ in }) async throws -> Value {
        try await JobRunner(store: store).run(job, onProgress: onProgress, work.work)
    }

    /// `jobs`: every job, newest first, the ones whose process is gone marked interrupted first.
    public func jobs() throws -> [JobRecord] {
        try store.markInterruptedJobs()
        return try store.jobs()
    }

    /// The Jobs screen's poll: every job, newest first, with the log of job `logOf` only;
    /// `markInterrupted` first marks the jobs whose process is gone (the first poll does).
    public func jobs(withLogOf logOf: Int64?, markInterrupted: Bool = false) throws -> [JobRecord] {
        if markInterrupted { try store.markInterruptedJobs() }
        return try store.jobs(withLogOf: logOf)
    }

    /// Asks job `id` to stop, whatever its state (a finished job ignores the flag).
    public func requestCancel(_ id: Int64) throws { try store.requestCancel(job: id) }

    /// `cancel`: asks a running job to stop; returns it as it was.
    ///
    /// - Throws: `StoreError.unknownJob`, `AppError.jobEnded` for a job that already ended.
    @discardableResult
    public func cancelJob(_ id: Int64) throws -> JobRecord {
        try store.markInterruptedJobs()
        let record = try store.job(id)
        guard !record.status.isFinished else {
            throw AppError.jobEnded(id: id, status: record.status.rawValue, message: record.message)
        }
        try store.requestCancel(job: id)
        return record
    }
}
