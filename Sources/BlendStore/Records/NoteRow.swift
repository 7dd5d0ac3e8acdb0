import Foundation
import GRDB

/// A row of `note`.
struct NoteRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "note"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var clipId: Int64
    var text: String
    var created: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
