/// Where the Fusion screen's panes go for a terminal size; the view draws there and mouse
/// clicks map back through the same rectangles. Panes in Tab order: weights, live metrics
/// (with the re-optimisation pane under them).
struct FusionLayout {
    let body: Rect

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    private var columns: [Rect] { body.split(.horizontal, [.percent(55), .fill(1)]) }
    /// The live pane takes at most half the height, so the chooser still fits at 60×16.
    private var right: [Rect] { columns[1].split(.vertical, [.fixed(min(9, body.height / 2)), .fill(1)]) }

    /// The encoders with their weight bars.
    var weights: Rect { columns[0] }
    /// Current vs edited metrics.
    var live: Rect { right[0] }
    /// The method chooser, the running job, the proposal and the save prompt.
    var optimise: Rect { right[1] }

    /// The encoder rows inside the weights pane (its last two rows hold the Σ line).
    var rows: Rect {
        let inner = weights.inset(Edges(top: 1, right: 2, bottom: 1, left: 2))
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 2))
    }

    /// The Σ line under the rows.
    var summary: Rect { weights.inset(Edges(top: 1, right: 2, bottom: 1, left: 2)).bottom(1) }

    var nameWidth: Int { min(22, max(8, (rows.width - 16) / 2)) }
    static let markerWidth = 2
    static let weightWidth = 5
    static let markWidth = 7
    /// `→ .123`, shown while a proposal waits.
    static let proposalWidth = 7

    /// The bar's columns on every row (its `y` is the first row's).
    func bar(hasProposal: Bool) -> Rect {
        let x = rows.x + Self.markerWidth + nameWidth + 1
        let fixed = Self.markerWidth + nameWidth + 1 + 1 + Self.weightWidth + Self.markWidth + (hasProposal ? Self.proposalWidth : 0)
        return Rect(x: x, y: rows.y, width: max(1, rows.width - fixed), height: 1)
    }

    /// The first encoder shown so that `selected` is visible in `visibleRows`.
    static func firstRow(selected: Int, visibleRows: Int) -> Int {
        max(0, selected - max(1, visibleRows) + 1)
    }
}
