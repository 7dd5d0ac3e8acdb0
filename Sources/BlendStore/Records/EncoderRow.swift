import Foundation
import GRDB

/// A row of `encoder`.
struct EncoderRow: TableRow, Hashable {
    static let databaseTableName = "encoder"

    var id: Int64?
    var name: String
    var modality: String
    var source: String
    var created: Date
    var config: String?

    /// The id of encoder `name`, creating it as `source` with `modality` when it is new.
    static func findOrCreate(_ db: Database, name: String, modality: Modality, source: EncoderSource) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM encoder WHERE name = ?", arguments: [name]) {
            return id
        }
        var row = EncoderRow(id: nil, name: name, modality: modality.rawValue, source: source.rawValue,
                             created: Date(), config: nil)
        try row.insert(db)
        return row.id!
    }

    static func id(_ db: Database, name: String) throws -> Int64? {
        try Int64.fetchOne(db, sql: "SELECT id FROM encoder WHERE name = ?", arguments: [name])
    }
}
