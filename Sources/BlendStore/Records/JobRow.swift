import Foundation
import GRDB

/// A row of `job`.
struct JobRow: TableRow, Hashable {
    static let databaseTableName = "job"

    var id: Int64?
    var kind: String
    var status: String
    var progress: Double
    var message: String
    var config: String?
    var pid: Int32?
    var created: Date
    var started: Date?
    var finished: Date?
    var cancelRequested: Bool
    var log: String
    /// JSON object of the latest live figures, nil when none were reported.
    var metrics: String?
}
