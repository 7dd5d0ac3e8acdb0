/// Where the Fusion screen's panes go for a terminal size; the view draws there and mouse
/// clicks map back through the same rectangles. Panes in Tab order: weights, live metrics
/// (with the re-optimisation pane under them).
struct FusionLayout {
    let body: Rect
    /// The longest encoder name, when known: the name column is no wider (columns sized to
    /// their content leave the bar the room).
    let longestName: Int?

    init(_ app: AppState, data: FusionData? = nil) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
        longestName = data?.inputs.encoders.map { DisplayWidth.of($0) }.max()
    }

    private var columns: [Rect] { body.split(.horizontal, [.percent(55), .fill(1)]) }
    /// The live pane takes at most half the height, so the chooser still fits at 60×16.
    private var right: [Rect] { columns[1].split(.vertical, [.fixed(min(10, body.height / 2)), .fill(1)]) }

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

    var nameWidth: Int { min(longestName ?? 22, 22, max(8, (rows.width - 16) / 2)) }
    static let markerWidth = 2
    static let weightWidth = 5
    static let markWidth = 7
    /// `→ .123`, shown while a proposal waits.
    static let proposalWidth = 7

    /// ` −.012`: the Score's change with the encoder left out, a column once it is measured.
    static let leaveOneOutWidth = 7
    /// A bar keeps at least this many cells beside that column; a narrower pane lists the
    /// changes under Re-optimise instead.
    static let minimumBarBesideLeaveOneOut = 10

    /// The bar's columns on every row (its `y` is the first row's), after the name and, when
    /// `coverageWidth` > 0, the coverage of partial encoders.
    func bar(hasProposal: Bool, coverageWidth: Int = 0, leaveOneOut: Bool = false) -> Rect {
        let x = rows.x + Self.markerWidth + nameWidth + 1 + coverageWidth
        let fixed = Self.markerWidth + nameWidth + 1 + coverageWidth + 1 + Self.weightWidth + Self.markWidth
            + (hasProposal ? Self.proposalWidth : 0) + (leaveOneOut ? Self.leaveOneOutWidth : 0)
        return Rect(x: x, y: rows.y, width: max(1, rows.width - fixed), height: 1)
    }

    /// Whether the leave-one-out changes stand as a column beside the bars (measured, and the
    /// bars keep `minimumBarBesideLeaveOneOut` cells).
    func leaveOneOutInColumn(_ fusion: FusionState) -> Bool {
        guard fusion.leaveOneOut != nil else { return false }
        return bar(hasProposal: fusion.proposal != nil, coverageWidth: coverageWidth(fusion.data), leaveOneOut: true).width
            >= Self.minimumBarBesideLeaveOneOut
    }

    /// The bar's columns for what the screen shows of `fusion` (the view draws there and a
    /// click on a bar maps back through it).
    func bar(for fusion: FusionState) -> Rect {
        bar(hasProposal: fusion.proposal != nil, coverageWidth: coverageWidth(fusion.data),
            leaveOneOut: leaveOneOutInColumn(fusion))
    }

    /// The coverage column's width: none when every encoder has every clip; `99/3,050 ` when
    /// the rows are wide enough, else a share (` 3%`).
    func coverageWidth(_ data: FusionData?) -> Int {
        guard let data, data.inputs.encoders.indices.contains(where: data.isPartial) else { return 0 }
        let widest = data.inputs.encoders.indices.map { DisplayWidth.of(Self.coverage(data, $0, wide: true)) }.max() ?? 0
        return rows.width >= 60 ? widest + 1 : 5
    }

    /// Encoder `m`'s coverage as its column shows it (blank for one with every clip).
    static func coverage(_ data: FusionData, _ m: Int, wide: Bool) -> String {
        guard data.isPartial(m) else { return "" }
        let covered = data.coveredClips[m], total = data.inputs.clipCount
        return wide ? "\(Format.count(covered))/\(Format.count(total))" : Format.percent(Double(covered) / Double(max(1, total)))
    }

    /// The first encoder shown so that `selected` is visible in `visibleRows`.
    static func firstRow(selected: Int, visibleRows: Int) -> Int {
        max(0, selected - max(1, visibleRows) + 1)
    }
}
