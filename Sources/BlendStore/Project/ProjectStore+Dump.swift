import GRDB

/// Every row of every table of a project, rows in primary-key order: two snapshots are equal
/// exactly when the projects' contents are (schema bookkeeping included).
struct ContentSnapshot: Equatable {
    var tables: [String: [[DatabaseValue]]]
}

extension ProjectStore {
    /// A snapshot of the whole content, for tests that prove a refused import left nothing behind.
    func contentSnapshot() throws -> ContentSnapshot {
        try pool.read { db in
            var tables: [String: [[DatabaseValue]]] = [:]
            let names = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            for name in names {
                let key = try db.primaryKey(name).columns.map { "\"\($0)\"" }.joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY \(key.isEmpty ? "rowid" : key)")
                tables[name] = rows.map { Array($0.databaseValues) }
            }
            return ContentSnapshot(tables: tables)
        }
    }
}
