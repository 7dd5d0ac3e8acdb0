/// Where the Clips screen's panes go for a terminal size; the view draws there and the
/// reducer pages the tables by the same rectangles. Panes in Tab order: clip table, clip,
/// actors. Wide terminals show the actor list on the left; narrower ones show it in the clip
/// pane's place while it has the focus, so the table keeps room for its columns.
struct ClipsLayout {
    let body: Rect
    let actorsFocused: Bool

    /// The pane index of the actor list in Tab order.
    static let actorPane = 2
    /// The narrowest body that shows the actor list beside the other two panes.
    static let actorColumnMinimumWidth = 120

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
        actorsFocused = app.screen == .clips && app.focusedPane == ClipsLayout.actorPane
    }

    var actorColumn: Bool { body.width >= ClipsLayout.actorColumnMinimumWidth }

    private var columns: [Rect] {
        actorColumn ? body.split(.horizontal, [.fixed(24), .percent(50), .fill(1)])
            : [Rect(x: body.x, y: body.y, width: 0, height: 0)] + body.split(.horizontal, [.percent(55), .fill(1)])
    }

    var table: Rect { columns[1] }
    /// The clip rows inside the table pane's border, below the filter line.
    var tableRows: Rect { table.inset(Edges(top: 2, right: 1, bottom: 1, left: 1)) }
    /// The filter and search line at the top of the table pane.
    var filterLine: Rect { Rect(x: table.x + 2, y: table.y + 1, width: max(0, table.width - 4), height: 1) }
    /// The clip pane; empty while a narrow terminal shows the actor list there.
    var clip: Rect { actorColumn || !actorsFocused ? columns[2] : Rect(x: columns[2].x, y: columns[2].y, width: 0, height: 0) }
    var actors: Rect { actorColumn ? columns[0] : (actorsFocused ? columns[2] : columns[0]) }
    /// The actor rows inside their pane's border.
    var actorRows: Rect { actors.isEmpty ? actors : actors.inset(Edges(top: 1, right: 1, bottom: 1, left: 1)) }
}
