import BlendCore
import Foundation

/// A note or a tag on a clip, in one list so that they can be shown and exported together.
public struct ClipAnnotation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case note, tag
    }

    /// The clip's file-name stem.
    public let clip: String
    public let kind: Kind
    /// The note's text or the tag.
    public let text: String
    public let created: Date
    /// The note's id (for `blendscope note --delete-note`); nil for tags.
    public let noteID: Int64?
}

extension ProjectStore {
    /// Notes and tags, in the project's clip order, then oldest first (a note before a tag
    /// made in the same millisecond).
    ///
    /// - Parameters:
    ///   - clip: only this clip (a stem or a file name).
    ///   - tag: only clips that carry this tag (all their notes and tags).
    /// - Throws: `StoreError.unknownClip`.
    public func annotations(clip: String? = nil, tag: String? = nil) throws -> [ClipAnnotation] {
        let notes = try self.notes(clip: clip)
        let tags = try self.tags(clip: clip)
        var all = notes.map { ClipAnnotation(clip: $0.clip, kind: .note, text: $0.text, created: $0.created, noteID: $0.id) }
            + tags.map { ClipAnnotation(clip: $0.clip, kind: .tag, text: $0.tag, created: $0.created, noteID: nil) }
        if let tag {
            let wanted = tag.trimmingCharacters(in: .whitespacesAndNewlines)
            let tagged = Set(tags.filter { $0.tag == wanted }.map(\.clip))
            all = all.filter { tagged.contains($0.clip) }
        }
        guard all.count > 1 else { return all }
        var position = [String: Int]()
        for (i, c) in try clips().enumerated() { position[c.name] = i }
        return all.sorted { a, b in
            let pa = position[a.clip] ?? .max, pb = position[b.clip] ?? .max
            if pa != pb { return pa < pb }
            if a.created != b.created { return a.created < b.created }
            if a.kind != b.kind { return a.kind == .note }
            return (a.noteID ?? 0, a.text) < (b.noteID ?? 0, b.text)
        }
    }
}
