import BlendApp
import BlendCore

/// Screen 4: the fusable encoders with weight bars (Σ = 1), the edited weights' metrics live
/// beside the current ones, and the re-optimisation job with its proposal to accept or discard.
struct FusionScreen {
    let state: WorkbenchState
    var fusion: FusionState { state.fusion }
    var layout: FusionLayout { FusionLayout(state.app, data: state.fusion.data) }
    var focus: Int { state.app.focusedPane }

    func render(into canvas: inout Canvas, area: Rect) {
        guard let data = fusion.data else {
            Block(title: "Fusion").render(into: &canvas, area: area)
            let message = fusion.loadError.map { "cannot fuse: \($0)" } ?? "reading the encoders' probabilities…"
            canvas.draw(message, in: area.inset(by: 2).row(0), alignment: .center,
                        style: Style(fg: fusion.loadError == nil ? .muted : .error))
            return
        }
        weights(&canvas, data)
        live(&canvas, data)
        optimise(&canvas, data)
    }

    // MARK: Weights

    private func weights(_ canvas: inout Canvas, _ data: FusionData) {
        let block = Block(title: "Weights (Σ=1) from \(data.startDescription)", trailingTitle: "↑↓ ←→ ±.01 ⇧ ±.05",
                          focused: focus == 0)
        block.render(into: &canvas, area: layout.weights)
        let rows = layout.rows, proposal = fusion.proposal
        let coverageWidth = layout.coverageWidth(data)
        let bar = layout.bar(for: fusion)
        // Each encoder's leave-one-out change as a column (greyed while it is re-measured).
        let leftOut = layout.leaveOneOutInColumn(fusion) ? fusion.leaveOneOut : nil
        let leftOutStale = fusion.leaveOneOutWeights != fusion.weights
        let first = FusionLayout.firstRow(selected: fusion.selected, visibleRows: rows.height)
        let count = data.inputs.encoderCount
        let scale = Self.barScale(fusion.weights)
        for (line, m) in (first..<min(count, first + rows.height)).enumerated() {
            let y = rows.y + line
            let selected = m == fusion.selected, on = fusion.active[m]
            let nameStyle = selected ? Style(fg: .focus, .bold) : Style(fg: on ? .text : .muted)
            var x = rows.x
            canvas.draw(selected ? "▸" : " ", x: x, y: y, style: Style(fg: .focus, .bold))
            x += FusionLayout.markerWidth
            canvas.draw(TextFit.fit(data.inputs.encoders[m], width: layout.nameWidth), x: x, y: y, style: nameStyle)
            canvas.markRegion(Rect(x: rows.x, y: y, width: FusionLayout.markerWidth + layout.nameWidth, height: 1),
                              id: ClickTarget.fusionRow(m).id)
            if coverageWidth > 0 {
                // A partial encoder's weight acts only on the clips it has: their count (or share) says so.
                let text = FusionLayout.coverage(data, m, wide: coverageWidth > 5)
                canvas.draw(TextFit.fit(text, width: coverageWidth - 1, alignment: .right), x: x + layout.nameWidth + 1, y: y,
                            style: Style(fg: .warning))
            }
            let barRect = Rect(x: bar.x, y: y, width: bar.width, height: 1)
            Bar(fusion.weights[m] / scale, style: Style(fg: on ? .accent : .muted)).render(into: &canvas, area: barRect)
            canvas.markRegion(Rect(x: bar.x - 1, y: y, width: bar.width + 1, height: 1), id: ClickTarget.fusionBar(m).id)
            x = bar.maxX + 1
            canvas.draw(TextFit.fit(Format.fraction(fusion.weights[m]), width: FusionLayout.weightWidth, alignment: .right),
                        x: x, y: y, style: Style(fg: on ? .text : .muted, .bold))
            x += FusionLayout.weightWidth
            canvas.draw(on ? "  ✓" : "  ✗ off", x: x, y: y, maxWidth: FusionLayout.markWidth,
                        style: Style(fg: on ? .success : .muted))
            x += FusionLayout.markWidth
            if let proposal {
                let new = proposal.weights[m], changed = abs(new - fusion.weights[m]) >= 0.0005
                canvas.draw("→ " + Format.fraction(new), x: x, y: y, maxWidth: FusionLayout.proposalWidth,
                            style: Style(fg: changed ? .warning : .muted, changed ? .bold : []))
                x += FusionLayout.proposalWidth
            }
            if let leftOut, let change = leftOut[m] {
                canvas.draw(TextFit.fit(Self.signed(change), width: FusionLayout.leaveOneOutWidth, alignment: .right),
                            x: x, y: y, style: Style(fg: leftOutStale ? .muted : .text))
            }
        }
        let on = fusion.active.filter { $0 }.count
        let total = fusion.weights.reduce(0, +)
        var summary = "Σ \(Format.decimal(total, digits: 3)) · \(on) of \(count) on · \(Format.count(data.inputs.clipCount)) clips"
        if leftOut != nil { summary += " · last column: Score Δ left out" + (leftOutStale ? " (updating…)" : "") }
        if first > 0 || first + rows.height < count { summary += " · rows \(first + 1)–\(min(count, first + rows.height))" }
        canvas.draw(summary, x: layout.summary.x, y: layout.summary.y, maxWidth: layout.summary.width, style: Style(fg: .muted))
    }

    /// The weight a full bar stands for: the largest one, so a .286 weight among smaller
    /// ones fills its bar and the others read against it (1 while every weight is 0).
    static func barScale(_ weights: [Double]) -> Double {
        let largest = weights.max() ?? 0
        return largest > 0 ? largest : 1
    }

    // MARK: Live metrics

    private func live(_ canvas: inout Canvas, _ data: FusionData) {
        let block = Block(title: fusion.measuring ? "Live · measuring…" : "Live · training split",
                          trailingTitle: "α/β best on it, 20×20", focused: focus == 1)
        block.render(into: &canvas, area: layout.live)
        let inner = block.inner(layout.live).inset(Edges(horizontal: 1, vertical: 0))
        var y = inner.y
        func line(_ spans: [Span]) {
            guard y < inner.maxY else { return }
            canvas.draw(spans, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        line(Self.header)
        let current = data.current
        line(Self.metricsRow("current", current.pooled, style: Style(fg: .text)))
        guard let edited = fusion.edited else {
            line([Span("edited   " + (fusion.editedError ?? "–"), Style(fg: fusion.editedError == nil ? .muted : .error))])
            return
        }
        line(Self.metricsRow("edited", edited.pooled, style: fusion.measuring ? Style(fg: .muted) : Style(fg: .accent, .bold)))
        line([Span(TextFit.fit("Δ", width: Self.labelWidth), Style(fg: .muted)),
              Self.delta(edited.pooled.accPresence - current.pooled.accPresence),
              Self.delta(edited.pooled.accSalience - current.pooled.accSalience),
              Self.delta(edited.pooled.score - current.pooled.score)])
        // Not "honest": these weights were chosen looking at every fold; only α/β are held out.
        for spans in Self.foldLines(current: current, currentCI: data.currentFoldIntervals, edited: edited,
                                    editedCI: fusion.editedFoldIntervals, measuring: fusion.measuring, width: inner.width) {
            line(spans)
        }
        line([Span(TextFit.fit("α β", width: Self.labelWidth), Style(fg: .muted)),
              Span(Self.thresholds(current.thresholds), Style(fg: .text)), Span(" → ", Style(fg: .muted)),
              Span(Self.thresholds(edited.thresholds), Style(fg: .accent))])
        line([Span("renormalised \(edited.renormalisedClips) · dropped \(edited.droppedClips)", Style(fg: .muted))])
    }

    static let labelWidth = 9
    static let columnWidth = 7

    /// `fold α/β .154 → .160 [.12,.19]` and `  n = 46 actors · α/β nested` (each side's
    /// interval in a wide pane): the figure with α/β chosen on the other folds, its interval
    /// from resampling actors over those decisions, shown only once computed for the report on
    /// show (`[…]` until then, and while the edit is re-measured).
    static func foldLines(current: FixedWeightsReport, currentCI: MetricIntervals?, edited: FixedWeightsReport,
                          editedCI: MetricIntervals?, measuring: Bool, width: Int) -> [[Span]] {
        let compact = width < 60
        func ci(_ m: MetricIntervals?) -> String { m.map { OverviewScreen.interval($0.score, compact: compact) } ?? "[…]" }
        let editedStyle = measuring ? Style(fg: .muted) : Style(fg: .accent, .bold)
        var first = [Span(TextFit.fit("fold α/β", width: labelWidth), Style(fg: .muted)),
                     Span(Format.fraction(current.assessment.honest.score), Style(fg: .text))]
        if !compact { first.append(Span(" " + ci(currentCI), Style(fg: .text))) }
        first += [Span(" → ", Style(fg: .muted)), Span(Format.fraction(edited.assessment.honest.score), editedStyle),
                  Span(" " + ci(measuring ? nil : editedCI), Style(fg: measuring ? .muted : .accent))]
        let n = (measuring ? nil : editedCI).map { "n = \($0.units) actors · " } ?? ""
        return [first, [Span("  " + n + (compact ? "α/β nested" : "weights fixed, α/β chosen on the other folds"), Style(fg: .muted))]]
    }

    /// `saved honest .310 [.28,.34]` with its n, or `—` and why there is no interval: the
    /// stored honest Score of the fusion the screen started from.
    static func savedHonestLines(_ saved: SavedHonestScore, width: Int) -> [[Span]] {
        guard let score = saved.score else { return [] }
        let compact = width < 50
        let head = [Span("saved honest ", Style(fg: .muted)), Span(Format.fraction(score), Style(fg: .text, .bold))]
        guard let ci = saved.intervals else {
            return [head + [Span(" —", Style(fg: .muted))]]
                + WordWrap.lines("  no interval: " + (saved.unavailable ?? "not computed"), width: width).map { [Span($0, Style(fg: .muted))] }
        }
        return [head + [Span(" " + OverviewScreen.interval(ci.score, compact: compact), Style(fg: .text))],
                [Span("  n = \(ci.units) actors · weights+α/β nested", Style(fg: .muted))]]
    }

    static var header: [Span] {
        [Span(String(repeating: " ", count: labelWidth))] + ["ACC_P", "ACC_S", "Score"].map {
            Span(TextFit.fit($0, width: columnWidth, alignment: .right), Style(fg: .muted))
        }
    }

    static func metricsRow(_ label: String, _ m: Metrics, style: Style) -> [Span] {
        [Span(TextFit.fit(label, width: labelWidth), Style(fg: .muted))] + [m.accPresence, m.accSalience, m.score].map {
            Span(TextFit.fit(Format.fraction($0), width: columnWidth, alignment: .right), style)
        }
    }

    /// `+.008` / `−.005` / `.000`.
    static func signed(_ value: Double) -> String {
        let rounded = (value * 1000).rounded()
        return rounded > 0 ? "+" + Format.fraction(value) : rounded < 0 ? Format.fraction(value) : ".000"
    }

    /// `signed(value)` in a metric column, coloured by direction.
    static func delta(_ value: Double) -> Span {
        let rounded = (value * 1000).rounded()
        let colour: Color = rounded > 0 ? .success : rounded < 0 ? .error : .muted
        return Span(TextFit.fit(signed(value), width: columnWidth, alignment: .right), Style(fg: colour))
    }

    static func thresholds(_ t: Thresholds) -> String { "\(Format.decimal(t.alpha)) \(Format.decimal(t.beta))" }

    // MARK: Re-optimisation

    private func optimise(_ canvas: inout Canvas, _ data: FusionData) {
        let block = Block(title: "Re-optimise · training folds", trailingTitle: "o", focused: focus == 1)
        block.render(into: &canvas, area: layout.optimise)
        let inner = block.inner(layout.optimise).inset(Edges(horizontal: 1, vertical: 0))
        var y = inner.y
        func line(_ spans: [Span]) {
            guard y < inner.maxY else { return }
            canvas.draw(spans, x: inner.x, y: y, maxWidth: inner.width)
            y += 1
        }
        if let input = fusion.naming {
            canvas.draw("Save as ", x: inner.x, y: y, style: Style(fg: .focus, .bold), clip: inner)
            TextField(input, placeholder: "name", focused: true)
                .render(into: &canvas, area: Rect(x: inner.x + 8, y: y, width: max(0, inner.width - 8), height: 1))
            y += 1
            line([Span("enter saves and makes it current · esc cancels", Style(fg: .muted))])
            y += 1
        } else if fusion.saving {
            line([Span("saving…", Style(fg: .muted))])
            y += 1
        }
        if let row = fusion.chooser {
            line([Span("Method", Style(fg: .text, .bold)), Span("  enter runs · esc closes", Style(fg: .muted))])
            for (i, method) in FusionReducer.methods.enumerated() {
                let chosen = i == row
                line([Span(chosen ? "▸ " : "  ", Style(fg: .focus, .bold)),
                      Span(TextFit.fit(method.rawValue, width: 11), chosen ? Style(fg: .focus, .bold) : Style(fg: .text)),
                      Span(Self.explanation(method), Style(fg: .muted))])
            }
        } else if let job = fusion.job {
            let id = job.context.map { " · job \($0.jobID)" } ?? ""
            line([Span("\(job.method.rawValue) running\(id)", Style(fg: .text, .bold))])
            if y < inner.maxY {
                Gauge(job.fraction).render(into: &canvas, area: Rect(x: inner.x, y: y, width: inner.width, height: 1))
                y += 1
            }
            line([Span(job.message, Style(fg: .muted))])
            line([Span("best Score ", Style(fg: .muted)),
                  Span(job.score.map { Format.fraction($0) } ?? "–", Style(fg: .accent, .bold))])
            line([Span("c / esc cancels", Style(fg: .muted))])
        } else if let proposal = fusion.proposal {
            let method = proposal.report.settings.method.rawValue
            line([Span("\(method) proposal", Style(fg: .text, .bold)), Span(" · job \(proposal.jobID)", Style(fg: .muted))])
            line(Self.header)
            if let edited = fusion.edited { line(Self.metricsRow("edited", edited.pooled, style: Style(fg: .text))) }
            line(Self.metricsRow("proposal", proposal.fixed.pooled, style: Style(fg: .warning, .bold)))
            // The edit's and the proposal's weights, each with α/β chosen on the other folds, with
            // their intervals (as in the Live pane); a narrow pane keeps the first line only, so
            // the accept and discard keys stay in view.
            if let edited = fusion.edited {
                let lines = Self.foldLines(current: edited, currentCI: fusion.editedFoldIntervals, edited: proposal.fixed,
                                           editedCI: fusion.proposalFoldIntervals, measuring: false, width: inner.width)
                for spans in lines.prefix(inner.width < 60 ? 1 : lines.count) { line(spans) }
            } else {
                line([Span(TextFit.fit("fold α/β", width: Self.labelWidth), Style(fg: .muted)),
                      Span(Format.fraction(proposal.fixed.assessment.honest.score), Style(fg: .warning)),
                      Span(" " + (fusion.proposalFoldIntervals.map { OverviewScreen.interval($0.score, compact: inner.width < 60) } ?? "[…]"),
                           Style(fg: .warning))])
            }
            // The one "honest" figure (as the CLI's): weights and α/β both chosen on the other
            // folds, with its interval over the out-of-fold decisions and the actors it rests on.
            for spans in Self.honestLines(proposal, width: inner.width) { line(spans) }
            line([Span("a", Style(fg: .focus, .bold)), Span(" accept · ", Style(fg: .muted)),
                  Span("d", Style(fg: .focus, .bold)), Span(" discard", Style(fg: .muted))])
        } else {
            // Short lines: the pane is 34 cells wide at 80 columns.
            line([Span("o", Style(fg: .focus, .bold)), Span(" re-optimise the weights", Style(fg: .text))])
            line([Span("  greedy, coordinate or simplex,", Style(fg: .muted))])
            line([Span("  as a job that proposes weights", Style(fg: .muted))])
            if let accepted = fusion.accepted {
                line([Span("accepted \(accepted.report.settings.method.rawValue) (job \(accepted.jobID))", Style(fg: .success)),
                      Span(" · S saves", Style(fg: .muted))])
            } else {
                line([Span("S", Style(fg: .focus, .bold)), Span(" save as fusion, make current", Style(fg: .text))])
            }
            line([Span("space", Style(fg: .focus, .bold)), Span(" on/off · ", Style(fg: .muted)), Span("r", Style(fg: .focus, .bold)),
                  Span(" reset", Style(fg: .muted))])
            line([Span("click a bar to set its weight", Style(fg: .muted))])
            if let saved = data.savedHonest {
                for spans in Self.savedHonestLines(saved, width: inner.width) { line(spans) }
            }
            if let changes = fusion.leaveOneOut, !layout.leaveOneOutInColumn(fusion) {
                y += 1
                let stale = fusion.leaveOneOutWeights != fusion.weights
                let ranked = changes.indices.compactMap { m in changes[m].map { (m, $0) } }.sorted { $0.1 < $1.1 }
                line([Span("Leave one out", Style(fg: .text, .bold)), Span(" Score Δ" + (stale ? " (updating…)" : ""), Style(fg: .muted))])
                let text = ranked.map { "\(data.inputs.encoders[$0.0]) \(Self.signed($0.1))" }
                    .joined(separator: " · ")
                for row in WordWrap.lines(text, width: inner.width) { line([Span(row, Style(fg: stale ? .muted : .text))]) }
            }
            if let failure = fusion.lastFailure {
                y += 1
                for text in WordWrap.lines("Failed: " + failure, width: inner.width) { line([Span(text, Style(fg: .error))]) }
            }
        }
    }

    /// `honest   .310 [.281, .342] · 43 actors` over `weights+α/β chosen on the other folds`,
    /// on three lines in a narrow pane.
    static func honestLines(_ proposal: FusionProposal, width: Int) -> [[Span]] {
        let ci = proposal.intervals?.honest, compact = width < 50
        let n = ci.map { "\($0.units) actors" }
        let head = [Span(TextFit.fit("honest", width: labelWidth), Style(fg: .muted)),
                    Span(Format.fraction(proposal.report.honest.score), Style(fg: .warning, .bold)),
                    Span(" " + (ci.map { OverviewScreen.interval($0.score, compact: compact) } ?? "–"), Style(fg: .warning))]
        guard compact else {
            return [head + [Span(n.map { " · \($0)" } ?? "", Style(fg: .muted))],
                    [Span("  weights+α/β chosen on the other folds", Style(fg: .muted))]]
        }
        return [head, [Span("  " + (n.map { "n = \($0) · " } ?? "") + "weights+α/β", Style(fg: .muted))],
                [Span("  chosen on the other folds", Style(fg: .muted))]]
    }

    static func explanation(_ method: FusionMethod) -> String {
        switch method {
        case .greedy: "ensemble selection, 25 rounds"
        case .coordinate: "coordinate ascent from equal weights"
        case .simplex: "grid over the weights, step .1"
        }
    }
}
