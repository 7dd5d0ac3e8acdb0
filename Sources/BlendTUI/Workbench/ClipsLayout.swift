/// Where the Clips screen's panes go for a terminal size; the view draws there and the
/// reducer pages the clip table by the same rectangles. Panes in Tab order: table, clip.
struct ClipsLayout {
    let body: Rect

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    private var columns: [Rect] { body.split(.horizontal, [.percent(55), .fill(1)]) }

    var table: Rect { columns[0] }
    /// The clip rows inside the table pane's border, below the filter line.
    var tableRows: Rect { table.inset(Edges(top: 2, right: 1, bottom: 1, left: 1)) }
    /// The filter and search line at the top of the table pane.
    var filterLine: Rect { Rect(x: table.x + 2, y: table.y + 1, width: max(0, table.width - 4), height: 1) }
    var clip: Rect { columns[1] }
}
