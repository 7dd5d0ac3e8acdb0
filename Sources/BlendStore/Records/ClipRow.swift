import BlendCore
import GRDB

/// A row of `clip`.
struct ClipRow: TableRow, Hashable {
    static let databaseTableName = "clip"

    var id: Int64?
    var filename: String
    var actor: String?
    var split: String
    var fold: Int?
    var label: String?
    var kind: String?
    var videoPath: String?
    var duration: Double?
    var fps: Double?
    var frames: Int?
    /// An unlabelled clip's file name as imported (`test_0001.mov`); NULL for labelled clips.
    var file: String?

    /// Every clip in id order with its id, each row checked, decoded by column position: the
    /// hot path of loading a project (Codable decoding costs several times more per row).
    static func fetchStored(_ db: Database) throws -> [(id: Int64, clip: StoredClip)] {
        var result: [(id: Int64, clip: StoredClip)] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT id, filename, actor, split, fold, label, file FROM clip ORDER BY id")
        while let row = try rows.next() {
            let checked = CheckedRow(row, table: "clip")
            result.append((try checked.value(0, "id"),
                           try checked.storedClip(name: 1, actor: 2, split: 3, fold: 4, label: 5, file: 6)))
        }
        return result
    }

    /// The labelled clips in id order with their ids (every row checked).
    static func fetchInfos(_ db: Database) throws -> [(id: Int64, info: ClipInfo)] {
        try fetchStored(db).compactMap { row in row.clip.labelled.map { (row.id, $0) } }
    }

    /// Inserts clips of either kind in the given order (so ids follow it).
    static func insert(_ clips: [StoredClip], _ db: Database) throws {
        var labelled: [ClipInfo] = [], unlabelled: [UnlabelledClip] = []
        for clip in clips {
            switch clip {
            case .labelled(let c):
                if !unlabelled.isEmpty { try insert(unlabelled, db); unlabelled = [] }
                labelled.append(c)
            case .unlabelled(let c):
                if !labelled.isEmpty { try insert(labelled, db); labelled = [] }
                unlabelled.append(c)
            }
        }
        try insert(labelled, db)
        try insert(unlabelled, db)
    }

    /// Inserts unlabelled test clips; the video columns stay empty.
    static func insert(_ clips: [UnlabelledClip], _ db: Database) throws {
        let statement = try db.makeStatement(sql: "INSERT INTO clip (filename, split, file) VALUES (?, 'test', ?)")
        for c in clips {
            statement.setUncheckedArguments([c.name, c.file])
            try statement.execute()
        }
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

/// A clip as stored: labelled (every analysis counts it) or unlabelled (decoded, never scored).
enum StoredClip: Hashable, Sendable {
    case labelled(ClipInfo)
    case unlabelled(UnlabelledClip)

    var name: String {
        switch self {
        case .labelled(let c): c.name
        case .unlabelled(let c): c.name
        }
    }

    var split: Split {
        switch self {
        case .labelled(let c): c.split
        case .unlabelled(let c): c.split
        }
    }

    var labelled: ClipInfo? {
        if case .labelled(let c) = self { return c }
        return nil
    }

    var unlabelled: UnlabelledClip? {
        if case .unlabelled(let c) = self { return c }
        return nil
    }
}
