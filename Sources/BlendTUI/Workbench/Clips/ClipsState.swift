import BlendApp
import BlendCore

/// The Clips screen's own state: the table's query and rows, the search, the actor list, the
/// label review, the selected clip's notes, the work running off the UI thread and the video
/// preview.
public struct ClipsState: Sendable {
    /// The table's filters, search and order.
    public var query = ClipQuery()
    /// The clip indices the table shows, recomputed when the query or α/β change (never per
    /// frame).
    public var rows: [Int] = []
    public var scroll = TableScroll()
    /// The clip-name search being typed, if any (it filters as it is typed).
    public var search: TextInput?
    /// Every actor's metrics at `actorScoresThresholds`, grouped by split and fold.
    public var actorScores: [ActorScore] = []
    /// The α/β `actorScores` were computed at; they are recomputed only while the Clips
    /// screen shows them, so β steps elsewhere pay nothing for them.
    public var actorScoresThresholds: Thresholds?
    /// The actor list: row 0 is "all actors", row r is `actorScores[r − 1]`.
    public var actorScroll = TableScroll()
    /// The source's label review, computed the first time the table sorts by dispute.
    public var labelReview: LabelReview?
    /// The selected clip's notes and tags, their editor, and every clip's tags.
    public var notes = ClipNotesState()
    /// The table's work running off the UI thread.
    public var pending = ClipsPending()
    public var video = ClipVideoState()

    public init() {}

    /// The clip selected in the table, as an index into the source's scored clips.
    public var selected: Int? {
        guard let selected = scroll.selected, selected < rows.count else { return nil }
        return rows[selected]
    }
}

/// What can happen on the Clips screen besides the shared commands.
public enum ClipsAction: Sendable {
    /// A key while the clip search is being typed.
    case searching(KeyChord)
    /// Selects a row of the clip table (a click).
    case select(Int)
    /// Selects a row of the actor list (a click): 0 is every actor.
    case selectActor(Int)
    /// Shows only a presence-table cell's clips (asked by the Confusion screen).
    case openCell(ConfusionCell)
    /// Shows only the named clips, of one actor when given: the Compare screen's group of
    /// flips, the Thresholds screen's actor and its β flips.
    case openList(actor: String?, ClipList)
    /// Rows rebuilt off the UI thread for `request`.
    case rowsBuilt(ClipRowsRequest, [Int])
    case reviewed(LabelReview)
    case notesLoaded(clip: String, notes: [ClipNote], tags: [String])
    case notesFailed(clip: String, String)
    case tagMapLoaded([String: Set<String>])
    /// A key while the note/tag editor is open.
    case editing(KeyChord)
    /// A write succeeded (the clip's notes and tags, and the tag map, are re-read after it).
    case saved(ClipEdit, message: String)
    case saveFailed(ClipEdit, String)
}
