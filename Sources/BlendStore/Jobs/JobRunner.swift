import BlendCore
import Foundation

/// Runs long work (fusion, training, decoding) as a job the project records: created and
/// started in the store with this process's id, run on a worker thread, its progress written
/// to the store at most every `storeInterval`, the store's cancel flag polled as often, and
/// the job ended `succeeded`, `failed` or `cancelled`. Another process follows it through
/// `jobs()` and stops it through `requestCancel(job:)`; one killed outright is found by
/// `markInterruptedJobs()`.
///
/// Work ends cancelled when it throws `CancellationError` (`JobContext.checkCancellation()`)
/// after a cancel request; the error is rethrown to the caller.
public struct JobRunner: Sendable {
    public let store: ProjectStore
    /// How often progress is written to the store and the cancel flag read from it.
    public var storeInterval: Duration
    /// How often the caller's progress callback may run.
    public var displayInterval: Duration

    public init(store: ProjectStore, storeInterval: Duration = .milliseconds(250),
                displayInterval: Duration = .milliseconds(100)) {
        self.store = store
        self.storeInterval = storeInterval
        self.displayInterval = displayInterval
    }

    /// Records a queued job and returns its context, so that the caller can wire `cancel()`
    /// (to Ctrl-C, a key) before the work starts. Jobs of dead processes are marked
    /// interrupted first.
    public func prepare(kind: String, config: String? = nil) throws -> JobContext {
        try store.markInterruptedJobs()
        let record = try store.createJob(kind: kind, config: config)
        return JobContext(jobID: record.id, kind: kind)
    }

    /// Runs `work` on a worker thread and blocks until it ends, calling `onProgress` on the
    /// calling thread whenever the progress changed (at most every `displayInterval`, and
    /// once more at the end).
    ///
    /// - Throws: whatever the work throws (`CancellationError` when cancelled), or a store
    ///   error when the job cannot be recorded.
    public func run<T: Sendable>(_ job: JobContext, onProgress: (JobProgress) -> Void = { _ in },
                                 _ work: @escaping @Sendable (JobContext) throws -> T) throws -> T {
        try store.startJob(job.jobID, pid: getpid())
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome<T>()
        let worker = Thread {
            outcome.result = Result(catching: { try work(job) })
            finished.signal()
        }
        // The optimisers recurse little, but a training job may not: give it a main-sized stack.
        worker.stackSize = 8 << 20
        worker.start()

        let clock = ContinuousClock()
        var lastStore = clock.now
        var storedVersion = 0, shownVersion = 0
        var done = false
        while !done {
            done = finished.wait(timeout: .now() + .nanoseconds(Self.nanoseconds(displayInterval))) == .success
            let (progress, version) = job.snapshot
            if version != shownVersion {
                onProgress(progress)
                shownVersion = version
            }
            guard !done, clock.now - lastStore >= storeInterval else { continue }
            lastStore = clock.now
            // A busy store (another process writing) must not stop the job: try again next time.
            if (try? store.isCancelRequested(job: job.jobID)) == true { job.cancel() }
            if version != storedVersion, (try? write(progress, of: job)) != nil { storedVersion = version }
        }
        // Safe: the worker stored the result before signalling.
        let result = outcome.result!
        try finish(job, result)
        return try result.get()
    }

    /// The same, awaited: the work runs on its own thread and cancelling the awaiting task
    /// cancels the job. `onProgress` runs on the runner's thread.
    public func run<T: Sendable>(_ job: JobContext, onProgress: @escaping @Sendable (JobProgress) -> Void = { _ in },
                                 _ work: @escaping @Sendable (JobContext) throws -> T) async throws -> T {
        let runner = self
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let thread = Thread {
                    continuation.resume(with: Result(catching: { try runner.run(job, onProgress: onProgress, work) }))
                }
                thread.start()
            }
        } onCancel: {
            job.cancel()
        }
    }

    private func write(_ progress: JobProgress, of job: JobContext) throws {
        try store.updateJob(job.jobID, progress: progress.fraction, message: progress.message, metrics: progress.metrics)
        for line in job.takeLog() { try store.appendJobLog(job.jobID, line) }
    }

    private func finish<T>(_ job: JobContext, _ result: Result<T, Error>) throws {
        let progress = job.snapshot.progress
        try? write(progress, of: job)
        switch result {
        case .success:
            try store.finishJob(job.jobID, status: .succeeded, message: progress.message.isEmpty ? "done" : progress.message)
        case .failure(let error) where error is CancellationError && job.isCancelled:
            try store.finishJob(job.jobID, status: .cancelled, message: "cancelled at \(Int((progress.fraction * 100).rounded()))%")
        case .failure(let error):
            try store.appendJobLog(job.jobID, "\(error)")
            try store.finishJob(job.jobID, status: .failed, message: "\(error)")
        }
    }
}

/// The worker's result, handed over through the semaphore that orders the two threads.
private final class Outcome<T>: @unchecked Sendable {
    var result: Result<T, Error>?
}

extension JobRunner {
    /// A `Duration` in whole nanoseconds, for dispatch timeouts.
    static func nanoseconds(_ d: Duration) -> Int { d.wholeNanoseconds }
}
