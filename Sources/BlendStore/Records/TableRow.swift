import GRDB

/// A row of one of the project's tables: snake_case columns, and an auto-incremented `id`
/// that an insert fills in.
protocol TableRow: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension TableRow {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
