import Foundation
import GRDB

/// A row of `note`.
struct NoteRow: TableRow, Hashable {
    static let databaseTableName = "note"

    var id: Int64?
    var clipId: Int64
    var text: String
    var created: Date
}
