import BlendCore

/// The Thresholds screen's α×β heatmap: the grid fills its pane (every β row when the pane has
/// room, else rows spread evenly that keep the best and current β), α ticks under it, the
/// legend (what it shows, and the ramp between its lowest and highest value), and the best
/// cell with its interval from resampling actors and the clips and actors it rests on.
extension ThresholdsScreen {
    func heatmap(_ canvas: inout Canvas) {
        let metric = state.thresholdsScreen.heatmapMetric
        let block = Block(title: "\(metric.title) over α × β (● current, ★ best)", trailingTitle: "m", focused: focus == 1)
        block.render(into: &canvas, area: layout.heatmap)
        let area = Self.heatmapArea(layout)
        guard let analysis = state.analysis else {
            canvas.draw("sweeping the grid…", x: area.x, y: area.y, maxWidth: area.width, style: Style(fg: .muted))
            return
        }
        let grid = analysis.grid
        let rows = Self.heatmapRows(state)
        let value = { (a: Int, b: Int) in metric.value(analysis.all.metrics(alphaIndex: a, betaIndex: b)) }
        let values = rows.map { b in grid.alphas.indices.map { a in value(a, b) } }
        // The ramp spans the whole grid (not only the rows drawn), as the legend says.
        let every = grid.betas.indices.flatMap { b in grid.alphas.indices.map { a in value(a, b) } }.filter(\.isFinite)
        let range = (every.min() ?? 0)...(every.max() ?? 1)
        // The sweep's own best cell, so the ★ agrees with the Overview and `blendscope sweep`.
        let bestCell = metric.best(in: analysis.all)
        let currentBeta = analysis.nearestBetaIndex(state.thresholds.beta)
        let current = rows.firstIndex(of: currentBeta).map { (row: $0, column: analysis.nearestAlphaIndex(state.thresholds.alpha)) }
        let best = rows.firstIndex(of: bestCell.betaIndex).map { (row: $0, column: bestCell.alphaIndex) }
        let last = grid.alphas.count - 1
        let ticks = Set([0, last / 4, last / 2, 3 * last / 4, last]).sorted().map { i in
            (column: i, label: Format.fraction(grid.alphas[i], digits: 2))
        }
        Heatmap(values: values, rowLabels: rows.map { "β " + Format.fraction(grid.betas[$0], digits: 2) },
                columnTicks: ticks, axisLabel: "α", range: range, current: current, best: best,
                regionID: ClickTarget.Prefix.heat.rawValue, legend: "\(metric.title), all clips")
            .render(into: &canvas, area: area)
        let line = Self.heatmapBestLine(area)
        canvas.draw(bestCellText(metric, bestCell, width: line.width), x: line.x, y: line.y, maxWidth: line.width)
    }

    /// `★ Score .424 [.401, .447] · 600 clips, 54 actors · α 0.24 β 0.10`; the interval is
    /// shown only when computed for this source, metric and cell (`[CI …]` until then).
    private func bestCellText(_ metric: HeatmapMetric, _ cell: SweepCell, width: Int) -> [Span] {
        let key = ThresholdsReducer.bestCellKey(state.thresholdsScreen, project: state.project)
        let result = key.flatMap { state.thresholdsScreen.intervals.bestCells[$0] }.flatMap { $0.thresholds == cell.thresholds ? $0 : nil }
        let muted = Style(fg: .muted)
        let at = "α \(Format.decimal(cell.thresholds.alpha)) β \(Format.decimal(cell.thresholds.beta))"
        let value = Span(Format.fraction(metric.value(cell.metrics)), Style(fg: .text, .bold))
        let star = Span("★ ", Style(fg: .accent, .bold)), title = Span(metric.title + " ", muted)
        guard let result else {
            return [star, title, value, Span(" [CI …] · " + at, muted)]
        }
        let interval = Self.interval(metric, result.intervals)
        let ci = Span(" [\(Format.fraction(interval.lo)), \(Format.fraction(interval.hi))]", Style(fg: .text))
        let full = [star, title, value, ci,
                    Span(" · \(Format.count(result.clips)) clips, \(Format.count(result.intervals.units)) actors · " + at, muted)]
        // Narrow panes drop the metric's name (the legend gives it) and the actors.
        let fits = full.reduce(0) { $0 + DisplayWidth.of($1.text) } <= width
        return fits ? full : [star, value, ci, Span(" n \(Format.count(result.clips)) " + at, muted)]
    }

    static func interval(_ metric: HeatmapMetric, _ intervals: MetricIntervals) -> Interval {
        switch metric {
        case .score: intervals.score
        case .presence: intervals.accPresence
        case .salience: intervals.accSalience
        }
    }

    /// The heatmap widget's area (inside the border, above the best cell's line), for drawing
    /// it and for mapping clicks back to cells.
    static func heatmapArea(_ layout: ThresholdsLayout) -> Rect {
        let inner = Block().inner(layout.heatmap).inset(Edges(horizontal: 1, vertical: 0))
        return inner.top(max(0, inner.height - 1))
    }

    /// The best cell's line, under the legend.
    static func heatmapBestLine(_ area: Rect) -> Rect { Rect(x: area.x, y: area.maxY, width: area.width, height: 1) }

    /// The β indices the heatmap draws, highest first, for the pane on show.
    static func heatmapRows(_ state: WorkbenchState) -> [Int] {
        guard let analysis = state.analysis else { return [] }
        let height = heatmapArea(ThresholdsLayout(state.app)).height - 2
        let best = state.thresholdsScreen.heatmapMetric.best(in: analysis.all).betaIndex
        return betaRows(count: analysis.grid.betas.count, height: height,
                        keep: [best, analysis.nearestBetaIndex(state.thresholds.beta)])
    }

    /// `count` β indices (highest first) in `height` rows: all when they fit, else `height` of
    /// them spread evenly, with the `keep` ones (the best and current β) swapped in for their
    /// nearest neighbours so their markers always show.
    static func betaRows(count: Int, height: Int, keep: [Int] = []) -> [Int] {
        guard count > 0 else { return [] }
        let room = max(1, height)
        guard room < count else { return Array((0..<count).reversed()) }
        var picked = room == 1 ? [keep.first ?? count - 1]
            : (0..<room).map { Int((Double($0) * Double(count - 1) / Double(room - 1)).rounded()) }
        for k in keep where k >= 0 && k < count && !picked.contains(k) {
            let swappable = picked.indices.filter { !keep.contains(picked[$0]) }
            guard let i = swappable.min(by: { abs(picked[$0] - k) < abs(picked[$1] - k) }) else { break }
            picked[i] = k
        }
        return Array(Set(picked)).sorted(by: >)
    }
}
