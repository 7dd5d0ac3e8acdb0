import BlendCore

/// The Overview's "Duration" pane under the project summary: quartile bins of clip duration
/// with their label mix, metrics and best β, and the computed finding. Drawn only when the
/// project has durations and the pane is tall enough (a 40-row terminal): at 80×24 the
/// summary needs every row.
struct DurationSectionView {
    let state: WorkbenchState

    /// Rows the summary above keeps in any case.
    static let summaryRows = 15
    /// The least height of the whole column for the section to show.
    static let minimumColumnHeight = 37

    /// Draws the section at the bottom of `area` when it shows and returns what is left above
    /// it for the summary (all of `area` when it does not show).
    func render(into canvas: inout Canvas, below area: Rect) -> Rect {
        guard state.durations.available, area.height >= Self.minimumColumnHeight else { return area }
        let height = min(area.height - Self.summaryRows, rowsWanted(width: area.width))
        let section = area.bottom(height)
        draw(&canvas, area: section)
        return Rect(x: area.x, y: area.y, width: area.width, height: area.height - height)
    }

    /// Draws the section in `area` (the wide Overview's own pane) when the project has durations.
    func render(into canvas: inout Canvas, area: Rect) {
        guard state.durations.available else { return }
        draw(&canvas, area: area.top(min(area.height, rowsWanted(width: area.width))))
    }

    /// Borders, table header and rows, a gap, the medians, the left-out line and the wrapped finding.
    private func rowsWanted(width: Int) -> Int {
        guard let report = state.durations.report else { return 3 }
        let notes = (report.withoutDuration.isEmpty ? 0 : 1) + 1
        return 2 + 1 + report.bins.count + 1 + notes + WordWrap.lines(report.finding, width: width - 4).count
    }

    private func draw(_ canvas: inout Canvas, area: Rect) {
        let trailing = state.durations.computedAt.map { "α \(Format.decimal($0.alpha)) β \(Format.decimal($0.beta))" } ?? ""
        let block = Block(title: "Duration (quartiles)", trailingTitle: trailing, focused: false)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        guard let report = state.durations.report else {
            canvas.draw("binning clips by duration…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let bins = report.bins
        // A narrow pane (80 columns) keeps the range, the blend share, ACC_S and β*: the
        // columns that answer "are long blends decoded differently".
        let wide = inner.width >= 56
        func column(_ title: String, _ width: Int) -> TableColumn { TableColumn(title, width: .fixed(width), alignment: .right) }
        let columns = [TableColumn("duration", width: .fill(1))]
            + (wide ? [column("clips", 5), column("blend", 5), column("ACC_P", 5), column("ACC_S", 5), column("Score", 5),
                       column("β*", 4), column("rev", 4)]
                    : [column("blend", 5), column("ACC_S", 5), column("β*", 4)])
        Table(columns: columns, rowCount: bins.count, scroll: TableScroll(selected: nil), focused: false) { row in
            let b = bins[row], m = b.metrics
            let beta = Span(b.bestBeta.map { Format.fraction($0, digits: 2) } ?? "–")
            let accS = Span(b.blends == 0 ? "–" : Format.fraction(m.accSalience))
            guard wide else { return [Span(b.range), Span(Format.percent(b.blendShare)), accS, beta] }
            return [Span(b.range), Span("\(b.count)"), Span(Format.percent(b.blendShare)),
                    Span(Format.fraction(m.accPresence)), accS,
                    Span(Format.fraction(m.score), Style(fg: .accent)), beta,
                    Span(b.unevenPairFound == 0 ? "–" : Format.percent(b.reversedShare), Style(fg: .muted))]
        }.render(into: &canvas, area: inner.top(bins.count + 1))
        let medians = report.kinds.map { "\($0.kind.rawValue) \($0.median.map { Format.decimal($0, digits: 1) } ?? "–")" }
        var lines = ["median s: " + medians.joined(separator: " · ")]
        if !report.withoutDuration.isEmpty {
            let n = report.withoutDuration.count
            lines.append("\(n) clip\(n == 1 ? "" : "s") without a duration left out")
        }
        lines += WordWrap.lines(report.finding, width: inner.width)
        for (i, line) in lines.enumerated() {
            let y = inner.y + bins.count + 2 + i
            guard y < inner.maxY else { break }
            let style = i == 0 ? Style(fg: .muted) : i == 1 && !report.withoutDuration.isEmpty ? Style(fg: .warning) : Style(fg: .text)
            canvas.draw(line, x: inner.x, y: y, maxWidth: inner.width, style: style)
        }
    }
}
