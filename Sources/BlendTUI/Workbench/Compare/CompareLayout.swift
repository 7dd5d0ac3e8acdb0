/// Where the Compare screen's panes go: the paired deltas on top (their height fixed by the
/// lines they hold), the flips table below in the rest of the body.
struct CompareLayout {
    let body: Rect

    /// Two sources, the scope, the table's header and three rows, McNemar and a status line,
    /// inside a border.
    static let deltaHeight = 11

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    private var panes: [Rect] { body.split(.vertical, [.fixed(Self.deltaHeight), .fill(1)]) }

    var delta: Rect { panes[0] }
    var flips: Rect { panes[1] }
    /// The flips table inside its border and a column of padding.
    var flipRows: Rect { flips.inset(Edges(horizontal: 2, vertical: 1)) }
}
