/// The rows of the clip pane's text — the actor and label lines, the per-encoder bars, the
/// decision trace and the notes — counted as `ClipsScreen` draws them, so that the video
/// section under them is decoded for exactly the rows it gets. (A picture decoded for more
/// rows than it gets is resampled into cells, and in kitty, sixel or iTerm2 mode not shown at
/// all: pixels are placed only at their own size.)
struct ClipPaneText {
    /// Other encoders with a prediction for the clip (the source's own row is drawn apart).
    let otherEncoders: Int
    let notes: ClipNotesState
    /// The pane's inside: its border and a column of margin each side taken off.
    let inner: Rect

    /// The decision trace's heading and its steps, counted at their most (three), so the
    /// picture keeps its size when α or β changes how the trace reads.
    static let traceRows = 4

    /// The text of the selected clip's pane, nil when no clip is selected.
    static func of(_ clips: ClipsState, project: ProjectSnapshot?, app: AppState) -> ClipPaneText? {
        guard let selected = clips.selected, let clip = project?.clip(selected) else { return nil }
        let source = project?.source.map(\.name) ?? "source"
        let panel = clip.panel, row = clip.panelRow
        let others = panel.clipCount > row
            ? panel.names.indices.filter { panel.names[$0] != source && panel.present[$0][row] }.count : 0
        let pane = ClipsLayout(app).clip
        return ClipPaneText(otherEncoders: others, notes: clips.notes, inner: Block().inner(pane).inset(Edges(horizontal: 1, vertical: 0)))
    }

    /// Bar rows drawn from `top`: as many encoders as fit above the room kept for the trace, the
    /// notes and the video section.
    func encoderRows(from top: Int) -> Int {
        let last = inner.maxY - 5 - ClipNotesView.reservedRows(notes) - ClipVideoLayout.reservedRows(paneHeight: inner.height)
        return max(0, min(otherEncoders, last - top))
    }

    /// The first row of the video section.
    var videoTop: Int {
        var y = inner.y + 3  // the actor and label lines, a blank
        if y + 1 < inner.maxY {
            y += 2  // the bars' header and the source's own row
            y += encoderRows(from: y) + 1
        }
        y += Self.traceRows
        let notesRows = min(ClipNotesView.reservedRows(notes), max(0, inner.maxY - y - 1))
        return min(inner.maxY, y + 1 + notesRows)
    }

    /// Rows from the top of the pane's inside to the video section.
    var rowsAbove: Int { videoTop - inner.y }
}
