import GRDB

extension Schema {
    /// Version 4: a job keeps the live figures its work last reported (`{"loss": 0.91,
    /// "score": 0.27}`), so that other processes (the TUI, `jobs --json`) can show them.
    /// Nullable: older jobs and jobs that report none have no figures.
    static func addJobMetrics(_ db: Database) throws {
        try db.alter(table: "job") { t in
            t.add(column: "metrics", .jsonText)
        }
    }
}
