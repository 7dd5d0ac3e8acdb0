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
            let name: String = row[1]
            guard let split = Split(rawValue: row[3]), let label = Label(row[5]) else {
                throw StoreError.corrupt("clip '\(name)' has split '\(row[3] as String)' and label '\(row[5] as String)'")
            }
            result.append((row[0], ClipInfo(name: name, actor: row[2], split: split, fold: row[4], label: label)))
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
