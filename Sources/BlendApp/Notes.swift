import BlendCore
import BlendStore

/// What `note` does to one clip, all checked before anything changes.
public struct ClipEdits: Sendable, Hashable {
    public var addTags: [String]
    public var removeTags: [String]
    public var deleteNotes: [Int64]
    public var note: String?

    public init(addTags: [String] = [], removeTags: [String] = [], deleteNotes: [Int64] = [], note: String? = nil) {
        self.addTags = addTags
        self.removeTags = removeTags
        self.deleteNotes = deleteNotes
        self.note = note
    }
}

extension ProjectSession {
    /// `note`: applies `edits` to the clip (named with or without `.mov`) and returns its
    /// notes and tags afterwards. A bad request changes nothing.
    ///
    /// - Throws: `AppError.noSuchNote`, `.noSuchTag`, `.emptyTag`, `.emptyNote`, `StoreError.unknownClip`.
    public func annotate(clip name: String, _ edits: ClipEdits) throws -> (clip: String, annotations: [ClipAnnotation]) {
        let stem = ClipName.stem(of: name)
        let existing = try store.annotations(clip: stem)
        let noteIDs = Set(existing.compactMap(\.noteID))
        for id in edits.deleteNotes where !noteIDs.contains(id) { throw AppError.noSuchNote(clip: stem, id: id) }
        let tags = Set(existing.filter { $0.kind == .tag }.map(\.text))
        for t in edits.removeTags where !tags.contains(t.trimmingCharacters(in: .whitespacesAndNewlines)) {
            throw AppError.noSuchTag(clip: stem, tag: t)
        }
        for t in edits.addTags where t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw AppError.emptyTag }
        if let text = edits.note, text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw AppError.emptyNote }
        for id in edits.deleteNotes { try store.deleteNote(id: id) }
        for t in edits.removeTags { try store.removeTag(clip: stem, tag: t) }
        for t in edits.addTags { try store.addTag(clip: stem, tag: t) }
        if let text = edits.note { try store.addNote(clip: stem, text: text) }
        return (stem, try store.annotations(clip: stem))
    }

    /// `notes`: notes and tags, of one clip or of the clips with one tag.
    public func annotations(clip: String? = nil, tag: String? = nil) throws -> [ClipAnnotation] {
        try store.annotations(clip: clip, tag: tag)
    }

    /// The workbench's note editor: one note added.
    @discardableResult
    public func addNote(clip: String, text: String) throws -> ClipNote { try store.addNote(clip: clip, text: text) }

    /// The workbench's note editor: a note's text replaced.
    @discardableResult
    public func updateNote(id: Int64, text: String) throws -> ClipNote { try store.updateNote(id: id, text: text) }

    /// The workbench's note editor: a note deleted.
    ///
    /// - Throws: `AppError.noteGone` when someone else deleted it meanwhile.
    public func deleteNote(id: Int64) throws {
        guard try store.deleteNote(id: id) else { throw AppError.noteGone }
    }

    public func addTag(clip: String, tag: String) throws { try store.addTag(clip: clip, tag: tag) }

    /// - Throws: `AppError.tagGone` when the clip no longer has the tag.
    public func removeTag(clip: String, tag: String) throws {
        guard try store.removeTag(clip: clip, tag: tag) else { throw AppError.tagGone(clip: clip, tag: tag) }
    }

    /// A clip's tags, or every clip's.
    public func tags(clip: String? = nil) throws -> [ClipTag] { try store.tags(clip: clip) }

    /// A clip's notes, or every clip's.
    public func notes(clip: String? = nil) throws -> [ClipNote] { try store.notes(clip: clip) }
}
