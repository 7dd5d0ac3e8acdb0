import Foundation
import GRDB

/// A row of `fusion`; `weights` holds the JSON of `[FusionWeight]`.
struct FusionRow: TableRow, Hashable {
    static let databaseTableName = "fusion"

    var id: Int64?
    var name: String
    var weights: String
    var alpha: Double
    var beta: Double
    var method: String
    var honestScore: Double?
    var inSampleScore: Double?
    var created: Date
    var outputEncoderId: Int64?
    var provenance: String?
}
