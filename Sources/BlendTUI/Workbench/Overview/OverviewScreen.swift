import BlendCore
import BlendReport

/// Screen 1: the project summary, the current source's metrics beside the honest (nested)
/// Score, the per-fold table with each fold's own and held-out thresholds, every encoder at
/// its own best, and on wide terminals the β* plot. Every rate shows its interval (looked up
/// by the key of what it shows, `OverviewState`) and the n it rests on.
struct OverviewScreen {
    let state: WorkbenchState
    var focus: Int { state.app.focusedPane }
    var intervals: OverviewState { state.overview }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let project = state.project else { return }
        let layout = OverviewLayout(area, summaryLines: summaryLines(project, width: area.width * 45 / 100 - 4).count,
                                    foldRows: state.analysis?.foldReport?.folds.count ?? 3,
                                    encoderRows: state.encoderBests?.count ?? 1,
                                    hasDurations: state.durations.available)
        var summaryArea = layout.summary
        if let durations = layout.durations {
            DurationSectionView(state: state).render(into: &canvas, area: durations)
        } else {
            summaryArea = DurationSectionView(state: state).render(into: &canvas, below: layout.summary)
        }
        summary(&canvas, project, area: summaryArea)
        folds(&canvas, area: layout.folds)
        encoders(&canvas, project, area: layout.encoders)
        if let betas = layout.betas { BetaSpreadView(state: state).render(into: &canvas, area: betas) }
    }

    // MARK: Encoders

    private func encoders(_ canvas: inout Canvas, _ project: ProjectSnapshot, area: Rect) {
        let inner = Block().inner(area).inset(Edges(horizontal: 1, vertical: 0))
        let note = "\(Format.percent(OverviewReducer.settings.level)) intervals, actors resampled"
        let block = Block(title: inner.width >= 60 ? "Encoders at their own best α/β · training split" : "Encoders at their own best α/β · train",
                          trailingTitle: inner.width >= 84 ? note + " · p. = published" : "", focused: false)
        block.render(into: &canvas, area: area)
        guard let rows = state.encoderBests else {
            let text = project.encoders.isEmpty ? "no encoders with probabilities" : "sweeping \(project.encoders.count) encoders…"
            canvas.draw(text, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        OverviewEncodersTable(rows, project: project, intervals: intervals, width: inner.width).render(into: &canvas, area: inner)
    }

    // MARK: Summary

    /// An interval as the summary shows it: `[.350, .507]`, or `[.35,.51]` when `compact`.
    static func interval(_ i: Interval, compact: Bool) -> String {
        compact ? "[\(Format.fraction(i.lo, digits: 2)),\(Format.fraction(i.hi, digits: 2))]"
            : "[\(Format.fraction(i.lo)), \(Format.fraction(i.hi))]"
    }

    /// The summary's lines for a pane `width` cells wide inside.
    func summaryLines(_ project: ProjectSnapshot, width: Int) -> [[Span]] {
        let train = project.clips.count { $0.split == .train }
        let compact = width < 60
        var lines: [[Span]] = [
            [Span("clips    ", Style(fg: .muted)), Span("\(project.clips.count)", Style(fg: .text, .bold)),
             Span("  train \(train) test \(project.clips.count - train)", Style(fg: .muted))],
            [Span("actors   ", Style(fg: .muted)), Span("\(project.actorCount)", Style(fg: .text, .bold))],
            [Span("folds    ", Style(fg: .muted)), Span(project.foldSizes.map(String.init).joined(separator: " / "), Style(fg: .text))],
            [Span("encoders ", Style(fg: .muted)), Span("\(project.encoders.count)", Style(fg: .text, .bold)),
             Span("  fusions \(project.fusionCount)", Style(fg: .muted))],
        ]
        // No blank line above the source in the wide layout: its top row is a third of the height.
        if compact { lines.append([]) }
        if let source = project.source {
            lines.append([Span("source   ", Style(fg: .muted)), Span("\(source.kind) \(source.name)", Style(fg: .accent, .bold))])
        }
        if let m = state.metrics {
            let t = state.thresholds
            let key = OverviewReducer.currentKey(state.project, state.thresholds)
            let ci = key.flatMap { intervals.intervals($0) }
            let at = "at α \(Format.decimal(t.alpha)) β \(Format.decimal(t.beta))" + (WorkbenchStatus.origin(state).map { " · \($0)" } ?? "")
            // The n each rate rests on: ACC_P its clips, ACC_S its blends, the intervals the actors drawn.
            let n = "all \(m.clips) clips · \(m.blends) blends"
            let drawn = ci.map { "\(Format.percent($0.settings.level)) CI: \($0.units) actors resampled" }
            func metric(_ name: String, _ value: Double, _ interval: Interval?, _ style: Style) -> [Span] {
                [Span(name, Style(fg: .muted)), Span(Format.fraction(value), style),
                 Span(" " + (interval.map { Self.interval($0, compact: compact) } ?? intervals.placeholder(key)), Style(fg: .muted))]
            }
            let p = metric("ACC_P ", m.accPresence, ci?.accPresence, Style(fg: .text, .bold))
            let s = metric("ACC_S ", m.accSalience, ci?.accSalience, Style(fg: .text, .bold))
            let score = metric("Score ", m.score, ci?.score, Style(fg: .accent, .bold))
            if compact {
                lines += [[Span(at, Style(fg: .muted))], [Span(n, Style(fg: .muted))], p, s, score]
                if let drawn { lines.append([Span(drawn, Style(fg: .muted))]) }
            } else {
                lines += [[Span(at + ", " + n + (ci.map { " · \($0.units) actors" } ?? ""), Style(fg: .muted))],
                          p + [Span("   ")] + s, score]
            }
        }
        if let report = state.analysis?.foldReport {
            let key = OverviewReducer.foldsKey(state.project)
            let honest = foldIntervals.map { Self.interval($0.honestScore, compact: compact) } ?? intervals.placeholder(key)
            let actors = foldIntervals.map { "\($0.honest.reduce(0) { sum, fold in sum + fold.units }) actors" }
            lines += [
                [],
                [Span("honest Score ", Style(fg: .muted)), Span(Format.fraction(report.honestScore), Style(fg: .success, .bold)),
                 Span(" " + honest, Style(fg: .success))] + (compact ? [] : [Span(actors.map { " · \($0)" } ?? "", Style(fg: .muted))]),
                [Span("  α/β chosen on the other folds", Style(fg: .muted))],
            ]
            if compact, let actors { lines.append([Span("  \(actors) resampled", Style(fg: .muted))]) }
            lines.append([Span("tuned Score  ", Style(fg: .muted)), Span(Format.fraction(report.optimisticScore), Style(fg: .text)),
                          Span(compact ? " (+\(Format.fraction(report.gap)))" : "  (each fold's own α/β, +\(Format.fraction(report.gap)))",
                               Style(fg: .muted))])
            if compact { lines.append([Span("  each fold's own α/β", Style(fg: .muted))]) }
        } else if state.analysis == nil, project.index != nil {
            lines += [[], [Span("sweeping the folds…", Style(fg: .muted))]]
        }
        return lines
    }

    private func summary(_ canvas: inout Canvas, _ project: ProjectSnapshot, area: Rect) {
        // Its metrics are the current source's over all its clips, beside the encoder and fold
        // tables' training split: the title says so (the file's name gives way first).
        let title = area.width >= 40 ? "Project · current source, all clips" : "Project · all clips"
        let block = Block(title: title, trailingTitle: project.name, focused: focus == 0)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        for (i, line) in summaryLines(project, width: inner.width).enumerated() where i < inner.height {
            canvas.draw(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
    }

    // MARK: Folds

    /// The folds pane's table: the `folds` report's rows (not its mean), each fold's own best
    /// thresholds and Score and its honest Score, as `blendscope folds` and `export folds` give them.
    /// With `intervals`, each fold's own Score interval, its honest Score interval and the actors
    /// it rests on; with `compact` too, only the honest interval and the actors.
    static func foldsTable(_ report: FoldReport, source: String, intervals: FoldIntervals? = nil,
                           compact: Bool = false) -> ReportColumns {
        func bound(_ key: String, _ title: String) -> ReportColumn {
            ReportColumn(key, TableColumn(title, width: .fixed(compact ? 3 : 4), alignment: .right), places: compact ? 2 : 3)
        }
        let own = intervals == nil || compact ? [] : [bound("score_lo", "lo"), bound("score_hi", "hi")]
        let honest = intervals == nil ? [] : [bound("honest_score_lo", "lo"), bound("honest_score_hi", "hi"),
                                              ReportColumn("actors", TableColumn(compact ? "n" : "actors", width: .fixed(compact ? 2 : 6),
                                                                                 alignment: .right))]
        return ReportColumns(AnalysisTables.folds(report, source: source, intervals: intervals), [
            ReportColumn("fold", TableColumn("fold", width: .fixed(4))),
        ] + (compact ? [] : [ReportColumn("clips", TableColumn("clips", width: .fixed(5), alignment: .right))]) + [
            ReportColumn("alpha", TableColumn("α*", width: .fixed(4), alignment: .right), places: 2),
            ReportColumn("beta", TableColumn("β*", width: .fixed(4), alignment: .right), places: 2),
            ReportColumn("score", TableColumn("own", width: .fixed(5), alignment: .right)),
        ] + own + [
            ReportColumn("honest_score", TableColumn("honest", width: .fill(1), alignment: .right)),
        ] + honest, rows: 0..<report.folds.count)
    }

    /// The fold intervals of the source on show, once computed (never another source's: the
    /// key names the source, so a stale one is not found and the numbers say `[…]` until theirs come).
    private var foldIntervals: FoldIntervals? {
        OverviewReducer.foldsKey(state.project).flatMap { intervals.folds($0) }
    }

    private func folds(_ canvas: inout Canvas, area: Rect) {
        let inner = Block().inner(area).inset(Edges(horizontal: 1, vertical: 0))
        let block = Block(title: inner.width >= 60 ? "Folds: own best vs chosen on the others · training split"
                                                   : "Folds: own best vs others' · train", focused: focus == 1)
        block.render(into: &canvas, area: area)
        guard let analysis = state.analysis else {
            canvas.draw("sweeping the folds…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        guard let report = analysis.foldReport else {
            canvas.draw("fewer than two training folds: nothing to hold out", x: inner.x, y: inner.y, maxWidth: inner.width,
                        style: Style(fg: .muted))
            return
        }
        let compact = inner.width < 60
        let folds = OverviewScreen.foldsTable(report, source: state.project?.source?.description ?? "",
                                              intervals: foldIntervals, compact: compact)
        let honest = folds.columns.firstIndex { $0.key == "honest_score" }
        let pending = intervals.placeholder(OverviewReducer.foldsKey(state.project))
        Table(columns: folds.tableColumns, rowCount: folds.rowCount, scroll: TableScroll(selected: nil), focused: false) { row in
            let cells = folds.cells(row)
            var spans = cells.indices.map { c -> Span in
                let bound = folds.columns[c].key.hasSuffix("_lo") || folds.columns[c].key.hasSuffix("_hi")
                return c >= (honest ?? cells.count) && !bound ? Span(cells[c], Style(fg: .success))
                    : Span(cells[c], Style(fg: bound ? .muted : .text))
            }
            if foldIntervals == nil, honest != nil { spans[spans.count - 1] = Span(cells[cells.count - 1] + " " + pending, Style(fg: .success)) }
            return spans
        }.render(into: &canvas, area: inner.top(folds.rowCount + 1))
        let best = analysis.all.best
        let y = inner.y + folds.rowCount + 2
        guard y < inner.maxY else { return }
        canvas.draw([Span("whole set best ", Style(fg: .muted)),
                     Span("α \(Format.decimal(best.thresholds.alpha)) β \(Format.decimal(best.thresholds.beta))", Style(fg: .text)),
                     Span("  Score ", Style(fg: .muted)), Span(Format.fraction(best.metrics.score), Style(fg: .text, .bold))],
                    x: inner.x, y: y, maxWidth: inner.width)
    }
}
