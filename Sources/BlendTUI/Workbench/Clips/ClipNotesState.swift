import BlendApp
import BlendCore

/// What an open line editor in the clip pane is for.
public enum ClipEditKind: Hashable, Sendable {
    case addNote
    /// Rewrites note `id`; saving empty text deletes the note.
    case editNote(id: Int64)
    case addTag
    /// Removes the typed tag (Tab and ↑/↓ pick among the clip's tags).
    case removeTag

    /// The prompt before the input.
    public var prompt: String {
        switch self {
        case .addNote: "note"
        case .editNote: "edit note"
        case .addTag: "tag"
        case .removeTag: "remove tag"
        }
    }
}

/// One write to the store, as typed: it travels to the effect and back, so a failure can put
/// the text back into the editor.
public struct ClipEdit: Hashable, Sendable {
    public var kind: ClipEditKind
    /// The clip's name (file-name stem).
    public var clip: String
    public var text: String
}

/// The line editor for a note or tag of one clip.
public struct ClipNoteEditor: Hashable, Sendable {
    public var kind: ClipEditKind
    public var clip: String
    public var input: TextInput
    /// Why the last save failed (the text stays so nothing typed is lost).
    public var error: String?
    /// A save is running; Enter waits for it.
    public var saving = false
    /// The text Tab completes from and the candidate shown, while cycling completions.
    var completionPrefix: String?
    var completionIndex = 0

    public init(kind: ClipEditKind, clip: String, text: String = "") {
        self.kind = kind
        self.clip = clip
        input = TextInput(text)
    }

    var edit: ClipEdit { ClipEdit(kind: kind, clip: clip, text: input.text) }
}

/// The selected clip's notes and tags, the editor, and every clip's tags (for the tag filter
/// and completion). Everything here is read from the store off the UI thread.
public struct ClipNotesState: Sendable {
    /// The clip whose notes and tags are shown (or being read).
    public var clip: String?
    /// Oldest first.
    public var notes: [ClipNote] = []
    public var tags: [String] = []
    /// The selected clip's notes and tags are being read.
    public var loading = false
    /// Why they could not be read.
    public var loadError: String?
    public var editor: ClipNoteEditor?
    /// Every tagged clip's tags, by clip name; read once after loading and after each tag edit.
    public var tagMap: [String: Set<String>] = [:]

    public init() {}

    /// Every tag used in the project, sorted.
    public var allTags: [String] { Set(tagMap.values.joined()).sorted() }
}

/// The Clips table's work in flight off the UI thread (shown as "…").
public struct ClipsPending: Hashable, Sendable {
    /// The query and thresholds the rows are being rebuilt for.
    public var rows: ClipRowsRequest?
    /// The label review is being computed (for the dispute order).
    public var review = false

    /// Whether the table shown for `query` is still to change: its rows are being rebuilt,
    /// or it waits for the review to take the dispute order.
    public func changing(_ query: ClipQuery) -> Bool { rows != nil || (review && query.sort == .dispute) }
}

/// What a row rebuild was asked for; a result is used only while it still matches.
public struct ClipRowsRequest: Hashable, Sendable {
    public var query: ClipQuery
    public var thresholds: Thresholds
}
