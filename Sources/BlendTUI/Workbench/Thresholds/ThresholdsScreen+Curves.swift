import BlendCore

/// The Thresholds screen's ACC_S(β) curves at the current α: all clips, each training fold and
/// the selected actor, told apart by colour and by a mark on each line (`a`, the fold's digit,
/// `◆`), with the band from resampling the actor's own clips once computed.
extension ThresholdsScreen {
    /// Colours chosen so no two series share one in 16 colours (nor in 256) under the built-in
    /// themes (ThresholdsSeriesTests); the marks carry them without colour.
    static let allStyle = Style(fg: .text, .bold)
    static let foldColours: [Color] = [.accent, .emotion(.hap), .emotion(.fea), .emotion(.disg), .muted]
    static let actorStyle = Style(fg: .emotion(.ang), .bold)
    static let bandStyle = Style(fg: .emotion(.ang), .dim)

    static func foldStyle(_ fold: Int) -> Style { Style(fg: foldColours[fold % foldColours.count]) }
    static func foldMark(_ fold: Int) -> Character { Character("\(fold % 10)") }

    func curves(_ canvas: inout Canvas) {
        let actor = state.thresholdsScreen.selectedActor
        let block = Block(title: "ACC_S(β): all, folds" + (actor.map { ", \($0.actor)" } ?? ""), focused: focus == 2)
        block.render(into: &canvas, area: layout.curves)
        let inner = block.inner(layout.curves).inset(Edges(horizontal: 1, vertical: 0))
        guard let analysis = state.analysis else {
            canvas.draw("sweeping the grid…", x: inner.x, y: inner.y, maxWidth: inner.width, style: Style(fg: .muted))
            return
        }
        let a = analysis.nearestAlphaIndex(state.thresholds.alpha)
        let betas = analysis.grid.betas.indices
        var series = analysis.folds.enumerated().map { fold, sweep in
            ChartSeries(betas.map { sweep.metrics(alphaIndex: a, betaIndex: $0).accSalience },
                        style: Self.foldStyle(fold), mark: Self.foldMark(fold))
        }
        var bands: [ChartBand] = []
        if let actor, actor.curve.count == betas.count {
            series.append(ChartSeries(actor.curve.map(\.accSalience), style: Self.actorStyle, mark: "◆"))
            if let band = currentBand(), band.count == betas.count {
                bands.append(ChartBand(lower: band.map(\.lo), upper: band.map(\.hi), style: Self.bandStyle))
            }
        }
        series.append(ChartSeries(betas.map { analysis.all.metrics(alphaIndex: a, betaIndex: $0).accSalience },
                                  style: Self.allStyle, mark: "a"))
        // Markers: the β on show and the best β over all clips at this α (the actor table's β*all).
        let grid = analysis.grid.betas
        let at = { (beta: Double) in grid.count > 1 ? Double(ThresholdGrid.nearest(beta, in: grid)) / Double(grid.count - 1) : 0 }
        var markers = [ChartMarker(x: at(state.thresholds.beta), glyph: "│", style: Style(fg: .focus))]
        let best = state.thresholdsScreen.actorReport?.bestBeta
        if let best { markers.append(ChartMarker(x: at(best), glyph: "┊", style: Style(fg: .success))) }
        let lines = inner.height >= 10 ? 2 : 1
        let legend = Self.flow(legendItems(folds: analysis.folds.count, actor: actor?.actor, alpha: analysis.grid.alphas[a],
                                           best: best, bandReady: !bands.isEmpty, wide: inner.width >= 60),
                               width: inner.width, lines: lines)
        for (i, line) in legend.enumerated() { canvas.draw(line, x: inner.x, y: inner.y + i, maxWidth: inner.width) }
        LineChart(series: series, xLabel: "β", xTicks: Self.betaTicks(grid), markers: markers, bands: bands)
            .render(into: &canvas, area: inner.inset(Edges(top: legend.count)))
    }

    /// The selected actor's band, only when computed for this source, actor and the α its
    /// curve is at (else nil: a band for another actor or α is never drawn as this one's).
    func currentBand() -> [Interval]? {
        ThresholdsReducer.bandKey(state.thresholdsScreen, project: state.project, alpha: state.thresholds.alpha)
            .flatMap { state.thresholdsScreen.intervals.bands[$0] }
    }

    /// The legend's entries, most important first: each series with its mark in its colour,
    /// the band, then α and the two markers.
    private func legendItems(folds: Int, actor: String?, alpha: Double, best: Double?, bandReady: Bool, wide: Bool) -> [[Span]] {
        let muted = Style(fg: .muted)
        var items: [[Span]] = [[Span("a", Self.allStyle), Span(" all", muted)]]
        if folds > 0 {
            items.append((0..<folds).map { Span(String(Self.foldMark($0)), Self.foldStyle($0)) } + [Span(" folds", muted)])
        }
        if let actor {
            items.append([Span("◆", Self.actorStyle), Span(" " + actor, muted)])
            let level = Format.percent(state.thresholdsScreen.intervals.settings.level)
            // "CI" only where it fits beside the other entries (an 80-column pane has no room).
            items.append([Span("░", Self.bandStyle), Span(bandReady ? " \(level)" + (wide ? " CI" : "") : " CI …", muted)])
        }
        items.append([Span("α \(Format.decimal(alpha))", muted)])
        items.append([Span("│", Style(fg: .focus)), Span("β \(Format.decimal(state.thresholds.beta))", muted)])
        if let best { items.append([Span("┊", Style(fg: .success)), Span("β* \(Format.decimal(best))", muted)]) }
        return items
    }

    /// Items laid out left to right, two spaces apart (one in a narrow pane), on up to `lines`
    /// lines of `width`; the ones that do not fit are left out (never cut in the middle).
    static func flow(_ items: [[Span]], width: Int, lines: Int) -> [[Span]] {
        var out: [[Span]] = [[]]
        var used = 0
        let space = width < 40 ? 1 : 2
        for item in items {
            let w = item.reduce(0) { $0 + DisplayWidth.of($1.text) }
            let gap = used == 0 ? 0 : space
            if used + gap + w <= width {
                if gap > 0 { out[out.count - 1].append(Span(String(repeating: " ", count: gap))) }
                out[out.count - 1] += item
                used += gap + w
            } else if out.count < lines, w <= width {
                out.append(item)
                used = w
            } else {
                break
            }
        }
        return out
    }
}
