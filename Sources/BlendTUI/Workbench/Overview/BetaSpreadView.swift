import BlendCore

/// The Overview's β* plot (issue 14): on one β axis, a dot per actor at the β that maximises
/// its ACC_S at the workbench's α (the Thresholds screen's actor report), stacked where actors
/// share a β, and under the axis one strip per training fold with the fold's own best β (◆)
/// and the β chosen on the other folds (◇). The whole set's β* (▲) and the current β (△) are
/// marked on the axis, so the spread the paper reads as "actor-dependent" is seen beside the
/// spread plain fold-to-fold noise gives.
struct BetaSpreadView {
    let state: WorkbenchState

    /// Columns before the plot, for the fold labels.
    static let margin = 4

    func render(into canvas: inout Canvas, area: Rect) {
        let actors = state.thresholdsScreen.actorReport
        let alpha = actors.map { " at α \(Format.decimal($0.alpha))" } ?? ""
        let block = Block(title: "β* by actor\(alpha) and by fold", trailingTitle: "actors: all clips · folds: training split",
                          focused: false)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        guard let report = actors, inner.width > Self.margin + 10, inner.height >= 6 else {
            canvas.draw("finding each actor's best β…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let folds = state.analysis?.foldReport?.folds ?? []
        // The axis runs up to a little past the largest β anything shows, so the dots spread
        // over the pane instead of crowding its left end (the grid goes on to .95).
        let shown = report.actors.compactMap(\.bestBeta) + folds.flatMap { [$0.own.thresholds.beta, $0.chosenOnOthers.thresholds.beta] }
            + [report.bestBeta, state.thresholds.beta]
        let largest = shown.max() ?? 1
        let last = min(report.betas.count - 1, max(5, (report.betas.firstIndex { $0 >= largest - 1e-9 } ?? report.betas.count - 1) + 2))
        let betas = Array(report.betas.prefix(last + 1))
        guard let low = betas.first, let high = betas.last, high > low else { return }
        let plot = Rect(x: inner.x + Self.margin, y: inner.y, width: inner.width - Self.margin - 1, height: inner.height)
        func x(_ beta: Double) -> Int {
            plot.x + Int(((min(high, max(low, beta)) - low) / (high - low) * Double(plot.width - 1)).rounded())
        }

        // The legend, then the dot stacks down to the axis; the fold strips and tick labels under it.
        let placed = report.actors.filter { $0.bestBetaIndex != nil }
        let without = report.actors.count - placed.count
        var legend = [Span("● ", Style(fg: .text)), Span("an actor's β* (\(placed.count) actors", Style(fg: .muted))]
        if without > 0 { legend.append(Span("; \(without) with none", Style(fg: .muted))) }
        legend += [Span(")  ", Style(fg: .muted)), Span("▲", Style(fg: .accent, .bold)),
                   Span(" all clips \(Format.decimal(report.bestBeta))  ", Style(fg: .muted)),
                   Span("△", Style(fg: .focus, .bold)), Span(" current \(Format.decimal(state.thresholds.beta))", Style(fg: .muted))]
        canvas.draw(legend, x: inner.x, y: inner.y, maxWidth: inner.width)
        let below = folds.isEmpty ? 1 : folds.count + 2
        let axisY = inner.maxY - 1 - below
        let stackTop = inner.y + 2
        let stackRows = axisY - stackTop
        guard stackRows >= 1 else { return }

        var counts = [Int](repeating: 0, count: betas.count)
        for a in placed { if let i = a.bestBetaIndex, counts.indices.contains(i) { counts[i] += 1 } }
        let most = counts.max() ?? 0
        // One dot per actor while the tallest stack fits, else one dot per `per` actors.
        let per = max(1, (most + stackRows - 2) / max(1, stackRows - 1))
        if per > 1 {
            canvas.draw("● = \(per) actors", x: inner.x, y: inner.y + 1, maxWidth: inner.width, style: Style(fg: .muted))
        }
        for (i, count) in counts.enumerated() where count > 0 {
            let column = x(betas[i]), dots = (count + per - 1) / per
            let style = i == report.bestBetaIndex ? Style(fg: .accent, .bold) : Style(fg: .text)
            for d in 0..<min(dots, stackRows - 1) { canvas.draw("●", x: column, y: axisY - 1 - d, style: style) }
            let label = String(count)
            canvas.draw(label, x: column - (label.count - 1) / 2, y: axisY - 1 - min(dots, stackRows - 1),
                        style: Style(fg: .muted))
        }

        // The axis with its marks, then the tick labels, every few grid values.
        canvas.draw(String(repeating: "─", count: plot.width), x: plot.x, y: axisY, style: Style(fg: .muted))
        canvas.draw("β", x: inner.x, y: axisY, style: Style(fg: .muted))
        canvas.draw("△", x: x(state.thresholds.beta), y: axisY, style: Style(fg: .focus, .bold))
        canvas.draw("▲", x: x(report.bestBeta), y: axisY, style: Style(fg: .accent, .bold))
        let spacing = Double(plot.width - 1) / Double(max(1, betas.count - 1))
        let step = max(1, Int((5 / max(spacing, 0.5)).rounded(.up)))
        var lastEnd = Int.min
        for i in stride(from: 0, to: betas.count, by: step) {
            let label = Format.fraction(betas[i], digits: 2), start = x(betas[i]) - 1
            guard start > lastEnd, start + label.count <= plot.maxX + 1 else { continue }
            canvas.draw(label, x: start, y: axisY + 1, style: Style(fg: .muted))
            lastEnd = start + label.count
        }
        guard !folds.isEmpty else { return }
        for (row, fold) in folds.enumerated() {
            let y = axisY + 2 + row
            guard y < inner.maxY - 1 else { break }
            canvas.draw("f\(fold.fold)", x: inner.x, y: y, style: Style(fg: .muted))
            canvas.draw(String(repeating: "·", count: plot.width), x: plot.x, y: y, style: Style(fg: .muted))
            canvas.draw("◇", x: x(fold.chosenOnOthers.thresholds.beta), y: y, style: Style(fg: .muted))
            canvas.draw("◆", x: x(fold.own.thresholds.beta), y: y, style: Style(fg: .success, .bold))
        }
        canvas.draw([Span("◆", Style(fg: .success, .bold)), Span(" the fold's own best β (at its own α*)  ", Style(fg: .muted)),
                     Span("◇", Style(fg: .muted)), Span(" chosen on the other folds", Style(fg: .muted))],
                    x: inner.x, y: inner.maxY - 1, maxWidth: inner.width)
    }
}
