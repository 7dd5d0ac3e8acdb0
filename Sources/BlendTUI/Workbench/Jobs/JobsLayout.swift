/// Where the Jobs screen's panes go: the job list on top, the selected job's figures and log
/// below. Panes in Tab order: list, log.
struct JobsLayout {
    let body: Rect

    static let listPane = 0
    static let logPane = 1
    /// Terminals at least this wide show the live figures as a column of the list.
    static let figuresColumnMinimumWidth = 120

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    private var panes: [Rect] { body.split(.vertical, [.percent(45), .fill(1)]) }

    var list: Rect { panes[0] }
    /// The list's header and rows inside its border.
    var listRows: Rect { list.inset(by: 1) }
    var log: Rect { panes[1] }
    /// The selected job's summary line, at the top of the log pane.
    var summary: Rect { log.inset(by: 1).row(0) }
    /// The log lines inside the pane, below the summary.
    var logRows: Rect { log.inset(Edges(top: 2, right: 1, bottom: 1, left: 1)) }
}
