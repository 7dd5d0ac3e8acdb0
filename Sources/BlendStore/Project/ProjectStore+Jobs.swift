import Foundation
import GRDB

/// Where a background job stands.
public enum JobStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case queued, running, succeeded, failed, cancelled
    /// Its process died without finishing it (killed, crashed); see `markInterruptedJobs`.
    case interrupted

    /// Whether the job has ended, one way or another.
    public var isFinished: Bool { self != .queued && self != .running }
}

/// A background job (training, optimisation, decoding) as the project records it, so that
/// another process (the TUI, the CLI) can follow and cancel it.
public struct JobRecord: Sendable, Hashable, Codable {
    public let id: Int64
    public let kind: String
    public let status: JobStatus
    /// 0–1.
    public let progress: Double
    public let message: String
    /// JSON settings the job was started with.
    public let config: String?
    public let pid: Int32?
    public let created: Date
    public let started: Date?
    public let finished: Date?
    public let cancelRequested: Bool
    public let log: String
    /// The live figures the work last reported (`loss`, `score`, `epoch`); nil when none.
    public let metrics: JobMetrics?

    /// A job as given (the store builds these; screens' tests and previews build their own).
    public init(id: Int64, kind: String, status: JobStatus, progress: Double, message: String, config: String? = nil,
                pid: Int32? = nil, created: Date, started: Date? = nil, finished: Date? = nil,
                cancelRequested: Bool = false, log: String = "", metrics: JobMetrics? = nil) {
        self.id = id
        self.kind = kind
        self.status = status
        self.progress = progress
        self.message = message
        self.config = config
        self.pid = pid
        self.created = created
        self.started = started
        self.finished = finished
        self.cancelRequested = cancelRequested
        self.log = log
        self.metrics = metrics
    }
}

extension ProjectStore {
    /// Records a new queued job and returns it.
    @discardableResult
    public func createJob(kind: String, config: String? = nil) throws -> JobRecord {
        guard !kind.trimmingSpaces.isEmpty else { throw StoreError.invalid("a job needs a kind") }
        return try pool.write { db in
            var row = JobRow(id: nil, kind: kind, status: JobStatus.queued.rawValue, progress: 0, message: "",
                             config: config, pid: nil, created: Date(), started: nil, finished: nil,
                             cancelRequested: false, log: "", metrics: nil)
            try row.insert(db)
            return try Self.job(db, row.id!)
        }
    }

    /// Marks job `id` running in process `pid`.
    public func startJob(_ id: Int64, pid: Int32? = nil) throws {
        try updateJobRow(id) { row in
            guard row.status == JobStatus.queued.rawValue else {
                throw StoreError.invalid("job \(id) is \(row.status), not queued")
            }
            row.status = JobStatus.running.rawValue
            row.pid = pid
            row.started = Date()
        }
    }

    /// Reports progress (clamped to 0–1), a one-line message and the live figures, if any
    /// (nil keeps the ones stored; non-finite figures are dropped, JSON cannot hold them).
    public func updateJob(_ id: Int64, progress: Double, message: String, metrics: JobMetrics? = nil) throws {
        let encoded = try metrics.map { figures -> String in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            return String(decoding: try encoder.encode(figures.figures.filter { $0.value.isFinite }), as: UTF8.self)
        }
        try updateJobRow(id) { row in
            row.progress = progress.isFinite ? min(max(progress, 0), 1) : row.progress
            row.message = message
            if let encoded { row.metrics = encoded }
        }
    }

    /// Appends `text` (a line break is added) to the job's log.
    public func appendJobLog(_ id: Int64, _ text: String) throws {
        try pool.write { db in
            try db.execute(sql: "UPDATE job SET log = log || ? || char(10) WHERE id = ?", arguments: [text, id])
            guard db.changesCount == 1 else { throw StoreError.unknownJob(id) }
        }
    }

    /// Ends job `id` with a terminal status.
    public func finishJob(_ id: Int64, status: JobStatus, message: String) throws {
        guard status.isFinished else { throw StoreError.invalid("\(status.rawValue) does not end a job") }
        try updateJobRow(id) { row in
            row.status = status.rawValue
            row.message = message
            row.finished = Date()
            if status == .succeeded { row.progress = 1 }
        }
    }

    /// Asks job `id` to stop; the worker sees it through `isCancelRequested`.
    public func requestCancel(job id: Int64) throws {
        try updateJobRow(id) { $0.cancelRequested = true }
    }

    /// Whether someone asked job `id` to stop.
    public func isCancelRequested(job id: Int64) throws -> Bool {
        try job(id).cancelRequested
    }

    /// Job `id` as recorded now.
    public func job(_ id: Int64) throws -> JobRecord {
        try pool.read { db in try Self.job(db, id) }
    }

    /// Every job, newest first.
    public func jobs() throws -> [JobRecord] {
        try pool.read { db in
            try JobRow.order(Column("id").desc).fetchAll(db).map { try Self.record($0) }
        }
    }

    /// Every job, newest first, with only job `logOf`'s log (the others' logs are empty):
    /// what a screen that polls twice a second needs, however long the logs have grown.
    /// Rows are read column by column (no `Decodable` pass), the cheapest way GRDB offers.
    public func jobs(withLogOf logOf: Int64?) throws -> [JobRecord] {
        try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, kind, status, progress, message, config, pid, created, started, finished, cancel_requested,
                       CASE WHEN id IS ? THEN log ELSE '' END AS log, metrics
                FROM job ORDER BY id DESC
                """, arguments: [logOf]).map { row in
                var r = CheckedRow(row, table: "job")
                let id: Int64 = try r.value(0, "id")
                r.named("id \(id)")
                return try Self.record(JobRow(
                    id: id, kind: try r.value(1, "kind"), status: try r.value(2, "status"), progress: try r.finite(3, "progress"),
                    message: try r.value(4, "message"), config: try r.optional(5, "config"), pid: try r.optional(6, "pid"),
                    created: try r.value(7, "created"), started: try r.optional(8, "started"), finished: try r.optional(9, "finished"),
                    cancelRequested: try r.value(10, "cancel_requested"), log: try r.value(11, "log"), metrics: try r.optional(12, "metrics")))
            }
        }
    }

    private func updateJobRow(_ id: Int64, _ change: (inout JobRow) throws -> Void) throws {
        try pool.write { db in
            guard var row = try JobRow.fetchOne(db, key: id) else { throw StoreError.unknownJob(id) }
            try change(&row)
            try row.update(db)
        }
    }

    private static func job(_ db: Database, _ id: Int64) throws -> JobRecord {
        guard let row = try JobRow.fetchOne(db, key: id) else { throw StoreError.unknownJob(id) }
        return try record(row)
    }

    private static func record(_ row: JobRow) throws -> JobRecord {
        guard let id = row.id else { throw StoreError.corrupt("table job: a row without an id") }
        guard let status = JobStatus(rawValue: row.status) else {
            throw StoreError.corrupt("table job, id \(id), column status: '\(row.status)' is not a job status")
        }
        guard row.progress.isFinite else {
            throw StoreError.corrupt("table job, id \(id), column progress: \(row.progress) is not a finite number")
        }
        return JobRecord(id: id, kind: row.kind, status: status, progress: row.progress, message: row.message,
                         config: row.config, pid: row.pid, created: row.created, started: row.started,
                         finished: row.finished, cancelRequested: row.cancelRequested, log: row.log,
                         metrics: try row.metrics.map { text in
                             guard let figures = try? JSONDecoder().decode([String: Double].self, from: Data(text.utf8)) else {
                                 throw StoreError.corrupt("table job, id \(id), column metrics: not a JSON object of numbers")
                             }
                             return JobMetrics(figures: figures)
                         })
    }
}
