import BlendCore
import BlendReport

/// Screen 5: the 16 × 16 presence table (true label set × predicted) as a heatmap of counts
/// or row rates, the salience table, presence precision/recall/F1 per emotion, the scope the
/// numbers are for, and (wide) the selected cell's clips. Colour is the cell's share of its
/// row, so single labels (≈230 clips) and blends (≈165) compare fairly.
struct ConfusionScreen {
    let state: WorkbenchState
    var layout: ConfusionLayout { ConfusionLayout(state.app) }
    var confusion: ConfusionState { state.confusion }

    func render(into canvas: inout Canvas, area: Rect) {
        presence(&canvas)
        if !layout.salience.isEmpty { salience(&canvas) }
        if !layout.emotions.isEmpty { emotions(&canvas) }
        if !layout.scope.isEmpty { scope(&canvas) }
        if !layout.cellClips.isEmpty { cellClips(&canvas) }
        if !layout.confusions.isEmpty { confusions(&canvas) }
        if confusion.exportChoice != nil { chooser(&canvas) }
    }

    // MARK: Presence

    private func presence(_ canvas: inout Canvas) {
        let mode = confusion.rates ? "row %" : "counts"
        let what = layout.wide ? "Presence: true × predicted" : "Presence"
        let block = Block(title: "\(what) · \(confusion.scope) · \(mode) · \(ConfusionScreen.thresholdsText(state))",
                          trailingTitle: layout.wide ? "r rates · s scope · e export" : nil,
                          focused: state.app.focusedPane == 0)
        block.render(into: &canvas, area: layout.presence)
        let inner = layout.presenceInner
        guard let table = confusion.tables?.presence else {
            canvas.draw("tabulating…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let sets = LabelSet.all, labelWidth = ConfusionLayout.labelWidth, cell = layout.cellWidth
        let gridX = inner.x + labelWidth + 1
        let maxRate = sets.indices.flatMap { r in sets.indices.map { table.rate(row: r, column: $0) } }.max() ?? 0
        for c in sets.indices {
            let lines = ConfusionScreen.header(sets[c], wide: layout.wide)
            let style = Style(fg: c == confusion.column ? .focus : .muted, .bold)
            for (k, text) in lines.enumerated() {
                canvas.draw(text, in: Rect(x: gridX + c * cell, y: inner.y + k, width: cell, height: 1), alignment: .right,
                            style: style)
            }
        }
        let first = layout.firstGridRow(selected: confusion.row), top = inner.y + layout.headerRows
        for r in first..<(first + layout.visibleGridRows) {
            let y = top + r - first
            let selectedRow = r == confusion.row
            canvas.draw(sets[r].description, x: inner.x, y: y, maxWidth: labelWidth,
                        style: Style(fg: selectedRow ? .focus : .muted, selectedRow ? .bold : []))
            for c in sets.indices {
                let rect = Rect(x: gridX + c * cell, y: y, width: cell, height: 1)
                let n = table.count(row: r, column: c), rate = table.rate(row: r, column: c)
                let level = maxRate > 0 ? rate / maxRate : 0
                var style = n == 0 ? Style(fg: .muted)
                    : Style(fg: level >= 0.5 ? .background : .text, bg: .heat(fraction: level))
                if r == c { style = style.bold() }
                if selectedRow, c == confusion.column { style = Style(fg: .background, bg: .focus, .bold) }
                canvas.fill(rect, style: style)
                canvas.draw(ConfusionScreen.cellText(count: n, rate: rate, rates: confusion.rates, width: cell - 1),
                            in: rect, alignment: .right, style: style)
                canvas.markRegion(rect, id: ClickTarget.confusionCell(row: r, column: c).id)
            }
        }
        let legendY = top + layout.visibleGridRows
        selectedLine(&canvas, table, Rect(x: inner.x, y: legendY, width: inner.width, height: 1))
        legend(&canvas, maxRate: maxRate, Rect(x: inner.x, y: legendY + 1, width: inner.width, height: 1))
    }

    /// `α 0.10 β 0.20 · stored`: the thresholds the tables are at and where they came from
    /// (`best on train`, or `moved` once the keys have left the source's own).
    static func thresholdsText(_ state: WorkbenchState) -> String {
        let t = state.thresholds
        let origin = ScreenTarget.origin(state.project, thresholds: t).map { " · \($0)" } ?? ""
        return "α \(Format.decimal(t.alpha)) β \(Format.decimal(t.beta))" + origin
    }

    /// The scope's ACC_P, ACC_S and Score intervals in that order (the line above's), once
    /// computed for the tables on show.
    static func intervalLine(_ confusion: ConfusionState) -> [Span] {
        guard let i = confusion.intervals?.metrics else {
            return [Span(confusion.intervalFailure.map { "intervals: \($0)" } ?? "intervals…", Style(fg: .muted))]
        }
        func bounds(_ x: Interval) -> String { "[\(Format.fraction(x.lo)), \(Format.fraction(x.hi))]" }
        return [Span("\(ReportText.percent(i.settings.level)) ", Style(fg: .muted)),
                Span([i.accPresence, i.accSalience, i.score].map(bounds).joined(separator: " "), Style(fg: .text))]
    }

    /// What the selected cell holds, in words.
    private func selectedLine(_ canvas: inout Canvas, _ table: ConfusionTable<LabelSet>, _ line: Rect) {
        let r = confusion.row, c = confusion.column
        let n = table.count(row: r, column: c)
        var spans = [Span(table.rows[r].description, Style(fg: .text, .bold)), Span(" → ", Style(fg: .muted)),
                     Span(table.columns[c].description, Style(fg: .accent, .bold)),
                     Span("  \(n) clip\(n == 1 ? "" : "s") · \(ConfusionScreen.share(count: n, rate: table.rate(row: r, column: c))) of row",
                          Style(fg: .text))]
        if r == c { spans.append(Span(" · right", Style(fg: .success))) }
        if n > 0 { spans.append(Span(" · enter lists", Style(fg: .muted))) }
        canvas.draw(spans, x: line.x, y: line.y, maxWidth: line.width)
    }

    /// The colour ramp with what it means, and (narrow) the pair initials.
    private func legend(_ canvas: inout Canvas, maxRate: Double, _ line: Rect) {
        var spans: [Span] = []
        for k in 0..<4 {
            let level = Double(k) / 3
            spans.append(Span(String(BlockGlyphs.shade(level)), Style(fg: .heat(fraction: level), bg: .heat(fraction: level))))
        }
        spans.append(Span(" 0–\(Format.percent(maxRate)) of row", Style(fg: .muted)))
        if !layout.wide { spans.append(Span(" · a ang d disg f fea h hap s sad n neu", Style(fg: .muted))) }
        canvas.draw(spans, x: line.x, y: line.y, maxWidth: line.width)
    }

    /// Column headers: initials in one line when narrow (`a`, `ah`: three-column cells leave
    /// room for two letters and a gap); `ang` over `+hap` (singles on the lower line) when wide.
    static func header(_ set: LabelSet, wide: Bool) -> [String] {
        let codes = set.emotions.map(\.code)
        guard wide else { return [codes.map { String($0.prefix(1)) }.joined()] }
        return codes.count == 2 ? [codes[0], "+" + codes[1]] : ["", codes[0]]
    }

    /// A cell's text: `·` for none, else the count or the row percentage (`<1` for a
    /// non-empty cell that rounds to 0%). `width` leaves a gap before the cell; a count one
    /// digit wider takes the gap (its cell's colour still sets it apart) rather than being
    /// cut, and only thousands that fit neither way are shortened (`1k`, `12k`).
    static func cellText(count: Int, rate: Double, rates: Bool, width: Int) -> String {
        guard count > 0 else { return "·" }
        if rates {
            let percent = Int((rate * 100).rounded())
            return percent == 0 ? "<1" : String(percent)
        }
        let text = String(count)
        return text.count <= max(2, width) + 1 ? text : "\(count / 1000)k"
    }

    /// A row share in words: `24%`, or `<1%` for a cell with clips that rounds to nothing.
    static func share(count: Int, rate: Double) -> String {
        count > 0 && rate < 0.005 ? "<1%" : Format.percent(rate)
    }
}
