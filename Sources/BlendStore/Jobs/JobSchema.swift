import GRDB

extension Schema {
    /// Version 2: a job may end `interrupted` (its process died without finishing it).
    /// SQLite cannot change a CHECK constraint in place, so the table is rebuilt with the
    /// same columns and its rows copied across.
    static func allowInterruptedJobs(_ db: Database) throws {
        try db.create(table: "job_v2") { t in
            jobColumns(t, statuses: ["queued", "running", "succeeded", "failed", "cancelled", "interrupted"])
        }
        let columns = "id, kind, status, progress, message, config, pid, created, started, finished, cancel_requested, log"
        try db.execute(sql: "INSERT INTO job_v2 (\(columns)) SELECT \(columns) FROM job")
        try db.drop(table: "job")
        try db.rename(table: "job_v2", to: "job")
    }

    /// The job table's columns; the versions differ only in the statuses the CHECK allows.
    /// Both migrations call this, so a change here changes what version 1 created: add a
    /// column in a new migration instead.
    static func jobColumns(_ t: TableDefinition, statuses: [String]) {
        t.autoIncrementedPrimaryKey("id")
        t.column("kind", .text).notNull()
        t.column("status", .text).notNull()
            .check { statuses.contains($0) }
        t.column("progress", .double).notNull().defaults(to: 0)
        t.column("message", .text).notNull().defaults(to: "")
        t.column("config", .jsonText)
        t.column("pid", .integer)
        t.column("created", .datetime).notNull()
        t.column("started", .datetime)
        t.column("finished", .datetime)
        t.column("cancel_requested", .boolean).notNull().defaults(to: false)
        t.column("log", .text).notNull().defaults(to: "")
    }
}
