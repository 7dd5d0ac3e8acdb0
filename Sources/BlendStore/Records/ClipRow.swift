import BlendCore
import GRDB

/// A row of `clip`.
struct ClipRow: Codable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "clip"
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    var id: Int64?
    var filename: String
    var actor: String
    var split: String
    var fold: Int?
    var label: String
    var kind: String
    var videoPath: String?
    var duration: Double?
    var fps: Double?
    var frames: Int?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Every clip in id order with its id, decoded by column position: the hot path of
    /// loading a project (Codable decoding costs several times more per row).
    static func fetchInfos(_ db: Database) throws -> [(id: Int64, info: ClipInfo)] {
        var result: [(id: Int64, info: ClipInfo)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, filename, actor, split, fold, label FROM clip ORDER BY id")
        while let row = try rows.next() {
            let checked = CheckedRow(row, table: "clip")
            result.append((try checked.value(0, "id"), try checked.clip(name: 1, actor: 2, split: 3, fold: 4, label: 5)))
        }
        return result
    }

    /// Inserts clips with one prepared statement; the video columns stay empty.
    static func insert(_ clips: [ClipInfo], _ db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO clip (filename, actor, split, fold, label, kind) VALUES (?, ?, ?, ?, ?, ?)")
        for c in clips {
            statement.setUncheckedArguments([c.name, c.actor, c.split.rawValue, c.fold, c.label.description, c.label.kind.rawValue])
            try statement.execute()
        }
    }
}
