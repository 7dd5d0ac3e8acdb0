/// Where the Thresholds screen's panes go for a terminal size; the view draws there and the
/// reducer pages the actor table by the same rectangles. Panes in Tab order: sliders,
/// heatmap, curves, actors.
struct ThresholdsLayout {
    let body: Rect

    init(_ app: AppState) {
        body = AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight)
    }

    private var columns: [Rect] { body.split(.horizontal, [.percent(45), .fill(1)]) }

    /// α, β, the metrics and the typing line.
    var sliders: Rect { columns[0].split(.vertical, [.fixed(6), .fill(1), .fill(1)])[0] }
    var curves: Rect { columns[0].split(.vertical, [.fixed(6), .fill(1), .fill(1)])[1] }
    /// The selected actor's margin histograms and explanation.
    var actorDetail: Rect { columns[0].split(.vertical, [.fixed(6), .fill(1), .fill(1)])[2] }
    private var right: [Rect] { columns[1].split(.vertical, [.fill(3), .fill(2), .fixed(testsHeight)]) }
    var heatmap: Rect { right[0] }
    var actors: Rect { right[1] }
    /// The two heterogeneity tests: their sentences when tall, one line each otherwise.
    var tests: Rect { right[2] }
    /// Short terminals keep the heatmap whole: the tests go on one line of the actor detail.
    private var testsHeight: Int { body.height >= 40 ? 8 : body.height >= 28 ? 4 : 0 }
    /// Whether the tests pane has room for the sentences.
    var testsInFull: Bool { body.height >= 40 }
    /// The actor table inside its pane's border.
    var actorTable: Rect { actors.inset(Edges(top: 1, right: 1, bottom: 1, left: 1)) }
}
