import Foundation
import GRDB

/// A row of `feature_set`: one encoder's features, `dimension` Float32 values per clip.
struct FeatureSetRow: TableRow, Hashable {
    static let databaseTableName = "feature_set"

    var id: Int64?
    var encoderId: Int64
    var dimension: Int
    var sourceFile: String
    var created: Date
}
