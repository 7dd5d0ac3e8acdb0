import BlendApp
import BlendCore

/// Screen 7: two sources over the clips both have, the same actor draws for both — Δ ACC_P,
/// ACC_S and Score (A − B) with their intervals and p, McNemar's p on presence, and the clips
/// only one gets right, by label kind and by actor. A result computed for other sources,
/// thresholds or scope than the ones asked for is drawn dimmed and marked stale.
struct CompareScreen {
    let state: WorkbenchState
    var layout: CompareLayout { CompareLayout(state.app) }
    var compare: CompareState { state.compare }

    func render(into canvas: inout Canvas, area: Rect) {
        delta(&canvas)
        flips(&canvas)
    }

    private var staleness: String? {
        if let failure = compare.failure { return "failed: \(failure)" }
        guard compare.computing else { return nil }
        return compare.shown == nil ? "computing…" : "stale · computing…"
    }

    /// The clips both panes are over, as their titles say it: `all clips`, `fold 2`, `train`, an actor.
    private var scopeTitle: String { compare.scope == .all ? "all clips" : compare.scope.description }

    // MARK: Deltas

    private func delta(_ canvas: inout Canvas) {
        // Over its scope, where the status bar shows the same metrics over all clips.
        let block = Block(title: "Compare A − B · \(scopeTitle)", trailingTitle: layout.delta.width >= 60 ? "a/A · b/B · x swap · s scope" : nil,
                          focused: state.app.focusedPane == 0)
        block.render(into: &canvas, area: layout.delta)
        let inner = layout.delta.inset(Edges(horizontal: 2, vertical: 1))
        guard let sources = compare.sources else {
            canvas.draw(compare.failure.map { "no sources: \($0)" } ?? "reading the sources…", x: inner.x, y: inner.y,
                        maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        guard sources.count >= 2 else {
            canvas.draw("one source only: import another encoder or save a fusion to compare", x: inner.x, y: inner.y,
                        maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let shown = compare.shown
        let stale = shown?.stale ?? false
        sourceLine(&canvas, "A", compare.sourceA, shown.map { $0.result.thresholdsA }, thresholdsOwn: compare.wanted?.thresholdsA,
                   y: inner.y, inner)
        sourceLine(&canvas, "B", compare.sourceB, shown.map { $0.result.thresholdsB }, thresholdsOwn: compare.wanted?.thresholdsB,
                   y: inner.y + 1, inner)
        var scope = [Span("scope ", Style(fg: .muted)), Span(compare.scope.description, Style(fg: .text, .bold))]
        if let c = shown?.result.comparison {
            scope.append(Span(" · \(c.clips) clips both have · \(c.actors) actors · \(Format.percent(c.settings.level)) "
                              + "actor bootstrap, \(c.settings.replicates) draws", Style(fg: .muted)))
        }
        canvas.draw(scope, x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        let tableArea = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: 4)
        if let (result, _) = shown { table(&canvas, result.comparison, stale: stale, tableArea) }
        let mcnemarY = inner.y + 7
        if let c = shown?.result.comparison {
            canvas.draw([Span("McNemar ", Style(fg: .muted)), Span("p " + Self.p(c.mcnemarP), Style(fg: stale ? .muted : .text, .bold)),
                         Span(" on \(c.flips.count) clips only one has right: A \(c.onlyARight), B \(c.onlyBRight)",
                              Style(fg: .muted))],
                        x: inner.x, y: mcnemarY, maxWidth: inner.width)
        }
        if let staleness {
            canvas.draw(staleness, x: inner.x, y: inner.y + 8, maxWidth: inner.width,
                        style: Style(fg: compare.failure == nil ? .warning : .error))
        }
    }

    private func sourceLine(_ canvas: inout Canvas, _ side: String, _ source: SourceRef?, _ thresholds: Thresholds?,
                            thresholdsOwn followed: Thresholds?, y: Int, _ inner: Rect) {
        guard let source else { return }
        var spans = [Span("\(side) ", Style(fg: .accent, .bold)), Span(source.name, Style(fg: .text, .bold)),
                     Span(" \(source.kind)", Style(fg: .muted))]
        let t = followed ?? thresholds
        if let t {
            spans.append(Span(" · α \(Format.decimal(t.alpha)) β \(Format.decimal(t.beta))", Style(fg: .text)))
            spans.append(Span(followed != nil ? " (workbench α/β)" : " (its own)", Style(fg: .muted)))
        }
        canvas.draw(spans, x: inner.x, y: y, maxWidth: inner.width)
    }

    private func table(_ canvas: inout Canvas, _ c: PairedComparison, stale: Bool, _ area: Rect) {
        let roomy = area.width >= 66
        var columns = [TableColumn("", width: .fixed(6)), TableColumn("A", width: .fixed(5), alignment: .right),
                       TableColumn("B", width: .fixed(5), alignment: .right), TableColumn("Δ", width: .fixed(6), alignment: .right),
                       TableColumn("interval", width: .fixed(15), alignment: .right),
                       TableColumn("p", width: .fixed(5), alignment: .right)]
        if roomy { columns.append(TableColumn("n", width: .fill(1))) }
        let rows: [(String, Double, Double, KeyPath<PairedComparison.Deltas, Double>, KeyPath<PairedComparison.DeltaIntervals, Interval>, String)] = [
            ("ACC_P", c.a.accPresence, c.b.accPresence, \.accPresence, \.accPresence, "\(c.clips) clips"),
            ("ACC_S", c.a.accSalience, c.b.accSalience, \.accSalience, \.accSalience, "\(c.a.blends) blends"),
            ("Score", c.a.score, c.b.score, \.score, \.score, "\(c.actors) actors resampled"),
        ]
        let value = Style(fg: stale ? .muted : .text), strong = Style(fg: stale ? .muted : .text, .bold)
        Table(columns: columns, rowCount: rows.count, scroll: TableScroll(selected: nil), focused: false) { i in
            let r = rows[i]
            var spans = [Span(r.0, Style(fg: .muted)), Span(Format.fraction(r.1), value), Span(Format.fraction(r.2), value),
                         Span(Format.fraction(c.delta[keyPath: r.3]), strong),
                         Span(Self.interval(c.deltaInterval[keyPath: r.4]), value), Span(Self.p(c.pValue[keyPath: r.3]), value)]
            if roomy { spans.append(Span("  " + r.5, Style(fg: .muted))) }
            return spans
        }.render(into: &canvas, area: area)
    }

    // MARK: Flips

    private func flips(_ canvas: inout Canvas) {
        let block = Block(title: "Flips: clips only one source has right · \(scopeTitle)",
                          trailingTitle: "enter lists them",
                          focused: state.app.focusedPane == 1)
        block.render(into: &canvas, area: layout.flips)
        let area = layout.flipRows
        guard let (result, stale) = compare.shown else { return }
        let groups = result.flipGroups
        let a = compare.sourceA?.name ?? "A", b = compare.sourceB?.name ?? "B"
        let width = max(6, min(12, max(a.count, b.count) + 2))
        let columns = [TableColumn("group", width: .fill(1)),
                       TableColumn("only A", width: .fixed(width), alignment: .right),
                       TableColumn("only B", width: .fixed(width), alignment: .right),
                       TableColumn("all", width: .fixed(5), alignment: .right)]
        let style = Style(fg: stale ? .muted : .text)
        Table(columns: columns, rowCount: groups.count, scroll: scroll(groups.count, area), focused: state.app.focusedPane == 1,
              emptyMessage: "no flips", regionID: ClickTarget.rowPrefix(.compare, "flips")) { i in
            let g = groups[i]
            return [Span(g.title, Style(fg: i == 0 ? .text : .muted, i == 0 ? .bold : [])), Span(String(g.onlyA), style),
                    Span(String(g.onlyB), style), Span(String(g.onlyA + g.onlyB), style)]
        }.render(into: &canvas, area: area)
    }

    /// Keeps the selected group in view.
    private func scroll(_ rows: Int, _ area: Rect) -> TableScroll {
        let visible = Table.visibleRows(in: area)
        return TableScroll(selected: compare.row,
                           offset: TableScroll.offset(keeping: compare.row, from: 0, visibleRows: visible, rowCount: rows))
    }

    /// `[−.041, .012]`
    static func interval(_ i: Interval) -> String { "[\(Format.fraction(i.lo)), \(Format.fraction(i.hi))]" }

    /// `.012`, or `<.001` for what rounds to nothing (a bootstrap p of 0 is below one in the draws).
    static func p(_ p: Double) -> String { p < 0.0005 ? "<.001" : Format.fraction(p) }
}
