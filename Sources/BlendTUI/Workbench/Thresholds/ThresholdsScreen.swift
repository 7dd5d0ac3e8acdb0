import BlendCore
import BlendReport

/// Screen 3: the α/β sliders with live metrics, the α×β heatmap, the ACC_S(β) curves, the
/// actors ranked by how far their best β lies from the global one, and the selected actor's
/// margins with the computed explanation.
struct ThresholdsScreen {
    let state: WorkbenchState
    var layout: ThresholdsLayout { ThresholdsLayout(state.app) }
    var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas, area: Rect) {
        sliders(&canvas)
        heatmap(&canvas)
        curves(&canvas)
        actors(&canvas)
        actorDetail(&canvas)
        if !layout.tests.isEmpty { tests(&canvas) }
    }

    private func sliders(_ canvas: inout Canvas) {
        let block = Block(title: "α / β · all clips", trailingTitle: "a α · b β · ←→ ±.01 · PgUp/PgDn ±.05", focused: focus == 0)
        block.render(into: &canvas, area: layout.sliders)
        let inner = block.inner(layout.sliders).inset(Edges(horizontal: 1, vertical: 0))
        let t = state.thresholds
        Slider(label: state.thresholdsScreen.knob == .alpha ? "▸α" : " α", value: t.alpha, range: 0...1, focused: state.thresholdsScreen.knob == .alpha)
            .render(into: &canvas, area: inner.row(0))
        Slider(label: state.thresholdsScreen.knob == .beta ? "▸β" : " β", value: t.beta, range: 0...1, focused: state.thresholdsScreen.knob == .beta)
            .render(into: &canvas, area: inner.row(1))
        if let m = state.metrics {
            canvas.draw([Span("ACC_P ", Style(fg: .muted)), Span(Format.fraction(m.accPresence), Style(fg: .text, .bold)),
                         Span(" ACC_S ", Style(fg: .muted)), Span(Format.fraction(m.accSalience), Style(fg: .text, .bold)),
                         Span(" Score ", Style(fg: .muted)), Span(Format.fraction(m.score), Style(fg: .accent, .bold))],
                        x: inner.x, y: inner.y + 2, maxWidth: inner.width)
        }
        let row = inner.row(3)
        if let input = state.thresholdsScreen.typing {
            let label = state.thresholdsScreen.knob == .alpha ? "α = " : "β = "
            canvas.draw(label, x: row.x, y: row.y, style: Style(fg: .focus, .bold), clip: row)
            TextField(input, placeholder: "0.20", focused: true)
                .render(into: &canvas, area: Rect(x: row.x + 4, y: row.y, width: min(12, row.width - 4), height: 1))
            canvas.draw("enter set · esc cancel", x: row.x + 18, y: row.y, maxWidth: max(0, row.width - 18), style: Style(fg: .muted))
        } else if let own = state.project?.thresholds {
            // The source's own thresholds, as the store has them now (`s` updates them).
            let changed = own != t
            let origin = state.project?.thresholdOrigin?.label ?? "stored"
            canvas.draw("\(origin) α \(Format.decimal(own.alpha)) β \(Format.decimal(own.beta))" + (changed ? " · s stores" : ""),
                        x: row.x, y: row.y, maxWidth: row.width, style: Style(fg: .muted))
        }
    }

    /// β tick labels at the grid's first and last values and three evenly between.
    static func betaTicks(_ betas: [Double]) -> [ChartTick] {
        guard betas.count > 1 else { return [] }
        let last = betas.count - 1
        return Set([0, last / 4, last / 2, 3 * last / 4, last]).sorted().map { i in
            ChartTick(x: Double(i) / Double(last), label: Format.decimal(betas[i]))
        }
    }

    private func actors(_ canvas: inout Canvas) {
        let report = state.thresholdsScreen.actorReport
        // The β* intervals, when computed for the α the table is at (else "…" until they are).
        let uncertainty = state.thresholdsUncertainty.current.flatMap { u in
            state.thresholdsUncertainty.wanted?.alpha == report?.alpha ? u : nil
        }
        let trailing = report.map { "β*all \(Format.decimal($0.bestBeta))" + (uncertainty == nil ? " · CI …" : "") }
        let block = Block(title: "Actors by |β* − β*all|", trailingTitle: trailing, focused: focus == 3)
        block.render(into: &canvas, area: layout.actors)
        guard let report else {
            let inner = block.inner(layout.actors)
            canvas.draw("finding each actor's best β…", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, style: Style(fg: .muted))
            return
        }
        let ranking = state.thresholdsScreen.actorRanking
        // Wide panes add what explains the gap: ACC_S at the actor's own β* and at the global
        // one, and the median top-two margin of its 70/30 blends (small margins want small β).
        let table = ThresholdsScreen.actorTable(report, clips: state.project?.index?.clips ?? [],
                                                source: state.project?.source?.description ?? "",
                                                wide: layout.actorTable.width >= 64,
                                                intervals: uncertainty.map { ($0.actors, $0.settings) })
        Table(columns: table.tableColumns, rowCount: ranking.count, scroll: state.thresholdsScreen.actorScroll, focused: focus == 3,
              regionID: ClickTarget.Prefix.actor.rawValue) { row in
            table.cells(ranking[row]).map { Span($0) }
        }.render(into: &canvas, area: layout.actorTable)
    }

    /// The actor pane's table: the `actors` report's rows (in the report's order; the pane
    /// ranks them), as `blendscope actors` and `export actors` give them.
    /// With `intervals`, the β* interval from resampling each actor's own clips (and, wide,
    /// ACC_S at β*'s) follow their point columns.
    static func actorTable(_ report: ActorBetaReport, clips: [ClipInfo], source: String, wide: Bool,
                           intervals: ([String: ActorUncertainty], BootstrapSettings)? = nil) -> ReportColumns {
        // The actor column as wide as its longest name (`A03`), not the pane's leftover.
        let actorWidth = max(5, report.actors.map(\.actor.count).max() ?? 0)
        var columns = [ReportColumn("actor", TableColumn("actor", width: .fixed(actorWidth))),
                       ReportColumn("blends", TableColumn("blends", width: .fixed(6), alignment: .right)),
                       ReportColumn("best_beta", TableColumn("β*", width: .fixed(5), alignment: .right), places: 2, leadingZero: true),
                       ReportColumn("beta_distance", TableColumn("|Δβ|", width: .fixed(5), alignment: .right), places: 2,
                                    leadingZero: true)]
        if intervals != nil {
            columns.insert(contentsOf: [
                ReportColumn("best_beta_lo", TableColumn("lo", width: .fixed(5), alignment: .right), places: 2, leadingZero: true),
                ReportColumn("best_beta_hi", TableColumn("hi", width: .fixed(5), alignment: .right), places: 2, leadingZero: true),
            ], at: 3)
        }
        if wide {
            columns += [ReportColumn("acc_salience_at_best", TableColumn("ACC_S@β*", width: .fixed(8), alignment: .right))]
            if intervals != nil {
                columns += [ReportColumn("acc_salience_at_best_lo", TableColumn("lo", width: .fixed(5), alignment: .right)),
                            ReportColumn("acc_salience_at_best_hi", TableColumn("hi", width: .fixed(5), alignment: .right))]
            }
            columns += [ReportColumn("acc_salience_at_global", TableColumn("@β*all", width: .fixed(6), alignment: .right)),
                        // Both medians the explanation compares, and the clips Enter lists.
                        ReportColumn("median_margin_even", TableColumn("m 50/50", width: .fixed(7), alignment: .right),
                                     places: 2),
                        ReportColumn("median_margin_uneven", TableColumn("m 70/30", width: .fixed(7), alignment: .right),
                                     places: 2),
                        ReportColumn("flips", TableColumn("flips", width: .fixed(5), alignment: .right))]
        }
        return ReportColumns(AnalysisTables.actors(report, clips: clips, source: source, intervals: intervals?.0,
                                                   settings: intervals?.1), columns)
    }

    private func actorDetail(_ canvas: inout Canvas) {
        let actor = state.thresholdsScreen.selectedActor
        // The title as long as the pane allows; Enter's hint on the bottom edge, where no title competes.
        let titles = actor.map { a in ["\(a.actor): top-2 margins of its \(a.blends) blends, 50/50 vs 70/30",
                                       "\(a.actor): top-2 margins of its \(a.blends) blends",
                                       "\(a.actor): top-2 margins, \(a.blends) blends"] } ?? ["Selected actor"]
        let room = layout.actorDetail.width - 4
        let block = Block(title: titles.first { DisplayWidth.of($0) <= room } ?? titles[titles.count - 1],
                          footer: actor.map { $0.flips.isEmpty ? nil : "enter: \($0.flips.count) flips" } ?? nil, focused: false)
        block.render(into: &canvas, area: layout.actorDetail)
        var inner = block.inner(layout.actorDetail).inset(Edges(horizontal: 1, vertical: 0))
        if layout.tests.isEmpty, inner.height > 1 {
            // No room for the tests pane: their one-line summary takes the last row.
            canvas.draw(testsSummary, x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, style: Style(fg: .muted))
            inner = inner.top(inner.height - 1)
        }
        guard let actor, let report = state.thresholdsScreen.actorReport else { return }
        let rows: [(String, MarginDistribution, Color)] = [
            ("50/50 \(actor.actor)", actor.evenMargins, .warning), ("50/50 all", report.evenMargins, .muted),
            ("70/30 \(actor.actor)", actor.unevenMargins, .accent), ("70/30 all", report.unevenMargins, .muted),
        ]
        let labelWidth = 12
        var y = inner.y
        for (label, distribution, colour) in rows where y < inner.maxY {
            canvas.draw(TextFit.fit(label, width: labelWidth), x: inner.x, y: y, style: Style(fg: .muted))
            let median = distribution.median.map { " m " + Format.fraction($0, digits: 2) } ?? " –"
            let spark = Rect(x: inner.x + labelWidth, y: y, width: max(0, inner.width - labelWidth - 7), height: 1)
            Sparkline(distribution.bins.map(Double.init), style: Style(fg: colour)).render(into: &canvas, area: spark)
            canvas.draw(median, x: spark.maxX, y: y, maxWidth: 7, style: Style(fg: .text))
            y += 1
        }
        // The β* interval's sentence once computed for this α (it says whether it covers the global β).
        let u = state.thresholdsUncertainty.current.flatMap { state.thresholdsUncertainty.wanted?.alpha == report.alpha ? $0 : nil }
        let explanation = actor.explanation + (u?.actors[actor.actor].map { " " + $0.sentence } ?? "")
        for line in WordWrap.lines(explanation, width: inner.width) where y < inner.maxY {
            canvas.draw(line, x: inner.x, y: y, maxWidth: inner.width, style: Style(fg: .text))
            y += 1
        }
    }
}
