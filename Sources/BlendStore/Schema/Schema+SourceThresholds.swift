import GRDB

extension Schema {
    /// Version 6: thresholds belong to a source. Until v5 one pair (`settings.alpha/beta`) served
    /// every source, so `eval --encoder X` decoded X at whatever the current source had stored.
    /// Now each source keeps its own (`use`, the workbench's store key, accepting a fusion); a
    /// source without a row is decoded at its own best on the training split (BlendApp's rule).
    /// A fusion without a row keeps the thresholds it was chosen with.
    ///
    /// The old pair was set by `use` for the current source, so it moves to that source's row;
    /// `settings.alpha/beta` stay as they were and are read no more.
    static func createSourceThresholds(_ db: Database) throws {
        try db.create(table: "source_thresholds") { t in
            t.column("source_kind", .text).notNull().check { ["encoder", "fusion"].contains($0) }
            t.column("source_name", .text).notNull()
            t.column("alpha", .double).notNull().check { $0 >= 0 && $0 <= 1 }
            t.column("beta", .double).notNull().check { $0 >= 0 && $0 <= 1 }
            t.primaryKey(["source_kind", "source_name"])
        }
        try db.execute(sql: """
            INSERT INTO source_thresholds (source_kind, source_name, alpha, beta)
            SELECT source_kind, source_name, alpha, beta FROM settings
            WHERE id = 1 AND source_kind IS NOT NULL AND source_name IS NOT NULL
            """)
    }
}
