import BlendCore
import BlendReport

/// Screen 1: the project summary, the current source's metrics beside the honest (nested)
/// Score, and the per-fold table with each fold's own and held-out thresholds.
struct OverviewScreen {
    let state: WorkbenchState
    var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let project = state.project else { return }
        let columns = area.split(.horizontal, [.percent(45), .fill(1)])
        summary(&canvas, project, area: DurationSectionView(state: state).render(into: &canvas, below: columns[0]))
        let right = columns[1].split(.vertical, [.fixed(min(columns[1].height / 2, (state.analysis?.foldReport?.folds.count ?? 3) + 6)),
                                                  .fill(1)])
        folds(&canvas, area: right[0])
        encoders(&canvas, project, area: right[1])
    }

    private func encoders(_ canvas: inout Canvas, _ project: ProjectSnapshot, area: Rect) {
        let inner = Block().inner(area).inset(Edges(horizontal: 1, vertical: 0))
        // Wide panes put the published ACC_P and ACC_S beside the published Score.
        let paperInFull = inner.width >= 84
        let block = Block(title: "Encoders at their own best α/β (train)",
                          trailingTitle: paperInFull ? "p. = published" : "paper = published Score", focused: false)
        block.render(into: &canvas, area: area)
        guard let rows = state.encoderBests else {
            let text = project.encoders.isEmpty ? "no encoders with probabilities" : "sweeping \(project.encoders.count) encoders…"
            canvas.draw(text, x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let ranked = rows.sorted { $0.best.metrics.score > $1.best.metrics.score }
        // Narrow panes drop modality and thresholds so the names stay readable.
        let wide = inner.width >= 56
        var columns = [TableColumn("encoder", width: .fill(1))]
        if wide {
            columns += [TableColumn("mod", width: .fixed(3)), TableColumn("α*", width: .fixed(4), alignment: .right),
                        TableColumn("β*", width: .fixed(4), alignment: .right)]
        }
        columns += ["ACC_P", "ACC_S", "Score"].map { TableColumn($0, width: .fixed(5), alignment: .right) }
        // The current fusion's weight per encoder, where the source is a fusion.
        let weights = project.fusionWeights
        if !weights.isEmpty { columns.append(TableColumn("weight", width: .fixed(6), alignment: .right)) }
        columns += (paperInFull ? ["p.ACC_P", "p.ACC_S", "p.Score"] : ["paper"])
            .map { TableColumn($0, width: .fixed($0.count), alignment: .right) }
        Table(columns: columns, rowCount: ranked.count, scroll: TableScroll(selected: nil), focused: false) { row in
            let e = ranked[row], m = e.best.metrics
            let current = project.source == .encoder(e.name)
            // A partial encoder says how many clips its figures are over.
            let name = e.coverage.map { "\(e.name) · \($0)" } ?? e.name
            var cells = [Span(name, current ? Style(fg: .accent, .bold) : Style(fg: .text))]
            if wide {
                cells += [Span(e.modality), Span(Format.fraction(e.best.thresholds.alpha, digits: 2)),
                          Span(Format.fraction(e.best.thresholds.beta, digits: 2))]
            }
            cells += [Span(Format.fraction(m.accPresence)), Span(Format.fraction(m.accSalience)), Span(Format.fraction(m.score))]
            if !weights.isEmpty { cells.append(Span(weights[e.name].map { Format.fraction($0) } ?? "–")) }
            let paper = PaperEncoder.matching(e.name)
            let published = paperInFull ? [paper?.accPresence, paper?.accSalience, paper?.score] : [paper?.score]
            return cells + published.map { Span($0.map { Format.fraction($0) } ?? "–", Style(fg: .muted)) }
        }.render(into: &canvas, area: inner)
    }

    private func summary(_ canvas: inout Canvas, _ project: ProjectSnapshot, area: Rect) {
        let block = Block(title: "Project", trailingTitle: project.name, focused: focus == 0)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        let train = project.clips.count { $0.split == .train }
        var lines: [[Span]] = [
            [Span("clips    ", Style(fg: .muted)), Span("\(project.clips.count)", Style(fg: .text, .bold)),
             Span("  train \(train) test \(project.clips.count - train)", Style(fg: .muted))],
            [Span("actors   ", Style(fg: .muted)), Span("\(project.actorCount)", Style(fg: .text, .bold))],
            [Span("folds    ", Style(fg: .muted)), Span(project.foldSizes.map(String.init).joined(separator: " / "), Style(fg: .text))],
            [Span("encoders ", Style(fg: .muted)), Span("\(project.encoders.count)", Style(fg: .text, .bold)),
             Span("  fusions \(project.fusionCount)", Style(fg: .muted))],
            [],
        ]
        if let source = project.source {
            lines.append([Span("source   ", Style(fg: .muted)), Span("\(source.kind) \(source.name)", Style(fg: .accent, .bold))])
        }
        if let m = state.metrics {
            let t = state.thresholds
            lines += [
                [Span("at α \(Format.decimal(t.alpha)) β \(Format.decimal(t.beta))"
                        + (WorkbenchStatus.origin(state).map { " · \($0)" } ?? "") + ", all \(m.clips) clips", Style(fg: .muted))],
                [Span("ACC_P ", Style(fg: .muted)), Span(Format.fraction(m.accPresence), Style(fg: .text, .bold)),
                 Span(" ACC_S ", Style(fg: .muted)), Span(Format.fraction(m.accSalience), Style(fg: .text, .bold)),
                 Span(" Score ", Style(fg: .muted)), Span(Format.fraction(m.score), Style(fg: .accent, .bold))],
            ]
        }
        if let report = state.analysis?.foldReport {
            lines += [
                [],
                [Span("honest Score ", Style(fg: .muted)), Span(Format.fraction(report.honestScore), Style(fg: .success, .bold)),
                 Span(" " + (foldIntervals.map { CompareScreen.interval($0.honestScore) } ?? "[…]"), Style(fg: .success)),
                 Span("  (nested: α/β from the other folds)", Style(fg: .muted))],
                [Span("tuned Score  ", Style(fg: .muted)), Span(Format.fraction(report.optimisticScore), Style(fg: .text)),
                 Span("  (own folds, +\(Format.fraction(report.gap)))", Style(fg: .muted))],
            ]
        } else if state.analysis == nil, project.index != nil {
            lines += [[], [Span("sweeping the folds…", Style(fg: .muted))]]
        }
        for (i, line) in lines.enumerated() where i < inner.height {
            canvas.draw(line, x: inner.x, y: inner.y + i, maxWidth: inner.width)
        }
    }

    /// The folds pane's table: the `folds` report's rows (not its mean), each fold's own best
    /// thresholds and Score and its honest Score, as `blendscope folds` and `export folds` give them.
    /// With `intervals` (wide panes), each fold's honest Score interval and the actors it rests on.
    static func foldsTable(_ report: FoldReport, source: String, intervals: FoldIntervals? = nil) -> ReportColumns {
        let bounds = intervals == nil ? [] : [
            ReportColumn("honest_score_lo", TableColumn("lo", width: .fixed(5), alignment: .right)),
            ReportColumn("honest_score_hi", TableColumn("hi", width: .fixed(5), alignment: .right)),
            ReportColumn("actors", TableColumn("actors", width: .fixed(7), alignment: .right)),
        ]
        return ReportColumns(AnalysisTables.folds(report, source: source, intervals: intervals), [
            ReportColumn("fold", TableColumn("fold", width: .fixed(4))),
            ReportColumn("clips", TableColumn("clips", width: .fixed(5), alignment: .right)),
            ReportColumn("alpha", TableColumn("α*", width: .fixed(4), alignment: .right), places: 2),
            ReportColumn("beta", TableColumn("β*", width: .fixed(4), alignment: .right), places: 2),
            ReportColumn("score", TableColumn("own", width: .fixed(5), alignment: .right)),
            ReportColumn("honest_score", TableColumn("honest", width: .fill(1), alignment: .right)),
        ] + bounds, rows: 0..<report.folds.count)
    }

    /// The fold intervals of the source on show, once computed (never another source's: stale
    /// ones are not drawn, the honest Score says "[…]" until they come).
    private var foldIntervals: FoldIntervals? { state.thresholdsUncertainty.current?.folds }

    private func folds(_ canvas: inout Canvas, area: Rect) {
        let block = Block(title: "Folds: own best vs chosen on the others", focused: focus == 1)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        guard let analysis = state.analysis else {
            canvas.draw("sweeping the folds…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        guard let report = analysis.foldReport else {
            canvas.draw("fewer than two training folds: nothing to hold out", x: inner.x, y: inner.y, maxWidth: inner.width,
                        style: Style(fg: .muted))
            return
        }
        let wide = inner.width >= 60
        let folds = OverviewScreen.foldsTable(report, source: state.project?.source?.description ?? "",
                                              intervals: wide ? foldIntervals : nil)
        let honest = folds.columns.firstIndex { $0.key == "honest_score" }
        Table(columns: folds.tableColumns, rowCount: folds.rowCount, scroll: TableScroll(selected: nil), focused: false) { row in
            let cells = folds.cells(row)
            return cells.indices.map { c in c >= (honest ?? cells.count) ? Span(cells[c], Style(fg: .success)) : Span(cells[c]) }
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
