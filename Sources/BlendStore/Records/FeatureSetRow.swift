import Foundation
import GRDB

/// A row of `feature_set`: one encoder's features, `dimension` Float32 values per clip.
struct FeatureSetRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "feature_set"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var encoderId: Int64
    var dimension: Int
    var sourceFile: String
    var created: Date

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
