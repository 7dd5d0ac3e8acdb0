import BlendCore
import Foundation
import GRDB

/// A free-text note an analyst left on a clip.
public struct ClipNote: Sendable, Hashable, Codable {
    public let id: Int64
    /// The clip's file-name stem.
    public let clip: String
    public let text: String
    public let created: Date
}

/// A short label an analyst put on a clip (`mislabelled?`, `occluded`).
public struct ClipTag: Sendable, Hashable, Codable {
    public let clip: String
    public let tag: String
    public let created: Date
}

extension ProjectStore {
    /// Adds a note to `clip` (a stem or a file name) and returns it. A note is text without
    /// the characters `TextRules` forbids; it may span lines (LF only).
    ///
    /// - Throws: `StoreError.unknownClip`, or `StoreError.invalid` for blank or forbidden text.
    @discardableResult
    public func addNote(clip: String, text: String) throws -> ClipNote {
        try Self.checkNote(text)
        return try pool.write { db in
            let (clipID, stem) = try Self.clipID(db, clip)
            var row = NoteRow(id: nil, clipId: clipID, text: text, created: Date())
            try row.insert(db)
            // Read back: the file keeps milliseconds, and callers should see what later reads see.
            guard let stored = try NoteRow.fetchOne(db, key: row.id), let id = stored.id else {
                throw StoreError.corrupt("table note, clip '\(stem)': the note just written cannot be read back")
            }
            return ClipNote(id: id, clip: stem, text: stored.text, created: stored.created)
        }
    }

    /// The notes of one clip, or of every clip when `clip` is nil, oldest first.
    public func notes(clip: String? = nil) throws -> [ClipNote] {
        try pool.read { db in
            var sql = "SELECT n.id, c.filename, n.text, n.created FROM note n JOIN clip c ON c.id = n.clip_id"
            var arguments: StatementArguments = []
            if let clip {
                sql += " WHERE n.clip_id = ?"
                arguments = [try Self.clipID(db, clip).id]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY n.id", arguments: arguments).map {
                ClipNote(id: $0[0], clip: $0[1], text: $0[2], created: $0[3])
            }
        }
    }

    /// Replaces the text of note `id`, keeping its clip and creation time, and returns the
    /// note as stored.
    ///
    /// - Throws: `StoreError.invalid` for blank or forbidden text or when no note has that id.
    @discardableResult
    public func updateNote(id: Int64, text: String) throws -> ClipNote {
        try Self.checkNote(text)
        return try pool.write { db in
            guard var row = try NoteRow.fetchOne(db, key: id) else { throw StoreError.unknownNote(id) }
            row.text = text
            try row.update(db)
            guard let stem = try String.fetchOne(db, sql: "SELECT filename FROM clip WHERE id = ?", arguments: [row.clipId]) else {
                throw StoreError.corrupt("table note, id \(id), column clip_id: \(row.clipId) names no clip")
            }
            return ClipNote(id: id, clip: stem, text: row.text, created: row.created)
        }
    }

    /// Removes note `id`; returns whether it existed.
    @discardableResult
    public func deleteNote(id: Int64) throws -> Bool {
        try pool.write { db in try NoteRow.deleteOne(db, key: id) }
    }

    /// Tags `clip`; tagging twice keeps the first time. Spaces around the tag are dropped; a
    /// tag with a character `TextRules` forbids is refused.
    ///
    /// - Throws: `StoreError.unknownClip`, or `StoreError.invalid` for a blank or forbidden tag.
    public func addTag(clip: String, tag: String) throws {
        let tag = try Self.checkedTag(tag)
        try pool.write { db in
            let clipID = try Self.clipID(db, clip).id
            try db.execute(sql: "INSERT OR IGNORE INTO tag (clip_id, tag, created) VALUES (?, ?, ?)",
                           arguments: [clipID, tag, Date()])
        }
    }

    /// Removes a tag from `clip`; returns whether it was there.
    @discardableResult
    public func removeTag(clip: String, tag: String) throws -> Bool {
        try pool.write { db in
            let clipID = try Self.clipID(db, clip).id
            try db.execute(sql: "DELETE FROM tag WHERE clip_id = ? AND tag = ?",
                           arguments: [clipID, tag.trimmingCharacters(in: .whitespacesAndNewlines)])
            return db.changesCount > 0
        }
    }

    /// The tags of one clip, or of every clip when `clip` is nil, in clip then tag order.
    public func tags(clip: String? = nil) throws -> [ClipTag] {
        try pool.read { db in
            var sql = "SELECT c.filename, t.tag, t.created FROM tag t JOIN clip c ON c.id = t.clip_id"
            var arguments: StatementArguments = []
            if let clip {
                sql += " WHERE t.clip_id = ?"
                arguments = [try Self.clipID(db, clip).id]
            }
            return try Row.fetchAll(db, sql: sql + " ORDER BY c.id, t.tag", arguments: arguments).map {
                ClipTag(clip: $0[0], tag: $0[1], created: $0[2])
            }
        }
    }

    /// A note's text as the rule allows it: not blank, no forbidden character (line feeds
    /// allowed: a note may span lines).
    public static func checkNote(_ text: String) throws {
        try TextRules.check(text, as: "note", lineFeeds: true, or: StoreError.invalid)
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw StoreError.invalid("a note needs some text")
        }
    }

    /// A tag as stored: checked whole (a tab or line break around it is refused too), then
    /// spaces around it dropped; not blank.
    public static func checkedTag(_ tag: String) throws -> String {
        try TextRules.check(tag, as: "tag", or: StoreError.invalid)
        let trimmed = tag.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw StoreError.invalid("a tag needs some text") }
        return trimmed
    }

    /// The id and stem of a clip named by stem or file name (by `ClipName.stem(of:)`).
    static func clipID(_ db: Database, _ clip: String) throws -> (id: Int64, stem: String) {
        try TextRules.check(clip, as: "clip name", or: StoreError.invalid)
        let stem = ClipName.stem(of: clip.trimmingSpaces)
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM clip WHERE filename = ?", arguments: [stem]) else {
            throw StoreError.unknownClip(stem)
        }
        return (id, stem)
    }
}
