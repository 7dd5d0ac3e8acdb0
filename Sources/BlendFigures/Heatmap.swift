import BlendCore

/// What an α × β heatmap colours.
public enum HeatmapMetric: String, Sendable, Hashable, CaseIterable {
    case score
    case accP = "acc-p"
    case accS = "acc-s"

    public var title: String {
        switch self {
        case .score: "Score"
        case .accP: "ACC_P"
        case .accS: "ACC_S"
        }
    }

    public func value(_ m: Metrics) -> Double {
        switch self {
        case .score: m.score
        case .accP: m.accPresence
        case .accS: m.accSalience
        }
    }
}

extension Figures {
    /// The α × β grid of `sweep` coloured by `metric` (viridis, with a colour bar), the best
    /// cell of the metric ringed and the `current` thresholds crossed.
    public static func heatmap(_ sweep: SweepResult, metric: HeatmapMetric, current: Thresholds?,
                               width: FigureWidth = .column) -> Figure {
        let grid = sweep.grid
        let values = sweep.cells.map(metric.value)
        let low = values.min() ?? 0, high = values.max() ?? 1
        let alphaEdges = edges(grid.alphas), betaEdges = edges(grid.betas)
        let xLow = betaEdges.first ?? 0, xHigh = betaEdges.last ?? 1
        let yLow = alphaEdges.first ?? 0, yHigh = alphaEdges.last ?? 1
        let xTicks = ChartParts.ticks(xLow, xHigh), yTicks = ChartParts.ticks(yLow, yHigh)
        let barTicks = ChartParts.ticks(low, high, target: 4)

        let w = width.points, top = 4.0
        let left = ChartParts.leftMargin(yTicks.map(\.1))
        let right = ChartParts.colourBarRoom(width: 7, labels: barTicks.map(\.1))
        let side = w - left - right
        let plot = FigureBox(x: left, y: top, width: side, height: side)
        let x = LinearScale(xLow, xHigh, to: plot.x, plot.maxX)
        let y = LinearScale(yLow, yHigh, to: plot.maxY, plot.y)

        var marks: [FigureMark] = []
        let nb = grid.betas.count
        for a in grid.alphas.indices {
            for b in grid.betas.indices {
                let v = values[a * nb + b]
                let t = high > low ? (v - low) / (high - low) : 0.5
                let x0 = x(betaEdges[b]), x1 = x(betaEdges[b + 1])
                let y0 = y(alphaEdges[a + 1]), y1 = y(alphaEdges[a])
                marks.append(.cell(FigureBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0), Palette.viridis(t)))
            }
        }
        marks += ChartParts.axes(plot, x: x, xTicks: xTicks, xTitle: "β (salience threshold)", y: y, yTicks: yTicks,
                                 yTitle: "α (presence threshold)")
        let bar = FigureBox(x: plot.maxX + 6, y: plot.y, width: 7, height: plot.height)
        marks += ChartParts.colourBar(bar, low: low, high: high, title: metric.title)

        let best: SweepCell
        switch metric {
        case .score: best = sweep.best
        case .accP: best = sweep.bestPresence
        case .accS: best = sweep.bestSalience
        }
        let bestAt = FigurePoint(x(best.thresholds.beta), y(best.thresholds.alpha))
        marks += haloed(.circle, at: bestAt, size: 6)
        var entries = [ChartParts.Entry(
            label: "best \(metric.title) \(NumberText.rate(metric.value(best.metrics))) at α \(NumberText.threshold(best.thresholds.alpha)), β \(NumberText.threshold(best.thresholds.beta))",
            sample: .marker(.circle, FigureStroke(Palette.ink, width: 1), fill: nil))]
        if let current {
            // The cell the current thresholds fall in, as the workbench's heatmap marks it: the
            // same state gives the same cell on screen, from `E` and from `blendscope figure`.
            let cell = grid.cell(containing: current)
            let at = Thresholds(alpha: grid.alphas[cell.alpha], beta: grid.betas[cell.beta])
            let p = FigurePoint(x(at.beta), y(at.alpha))
            if plot.contains(FigureBox(x: p.x, y: p.y, width: 0, height: 0)) { marks += haloed(.plus, at: p, size: 6) }
            // Off the grid, the legend says the cross marks the cell (short: it fits a column).
            let off = at == current ? "" : " (its cell)"
            entries.append(ChartParts.Entry(label: "current α \(NumberText.threshold(current.alpha)), β \(NumberText.threshold(current.beta))" + off,
                                            sample: .marker(.plus, FigureStroke(Palette.ink, width: 1), fill: nil)))
        }
        let legendTop = plot.maxY + ChartParts.bottomMargin + 2
        let (legend, used) = ChartParts.legend(entries, x: 2, top: legendTop, width: w - 4)
        marks += legend
        return Figure(width: w, height: (legendTop + used + 2).rounded(.up), marks: marks)
    }

    /// A marker drawn white over a wider black one, so that it shows on every colour of the ramp.
    static func haloed(_ shape: MarkerShape, at p: FigurePoint, size: Double) -> [FigureMark] {
        [.marker(shape, at: p, size: size, stroke: FigureStroke(Palette.ink, width: 1.8), fill: nil),
         .marker(shape, at: p, size: size, stroke: FigureStroke(Palette.white, width: 0.8), fill: nil)]
    }

    /// Cell edges around grid values: midway between neighbours, half a step beyond the ends.
    static func edges(_ values: [Double]) -> [Double] {
        guard values.count > 1 else { return values.map { $0 - 0.025 } + values.map { $0 + 0.025 } }
        var e = [values[0] - (values[1] - values[0]) / 2]
        for i in 1..<values.count { e.append((values[i - 1] + values[i]) / 2) }
        let n = values.count
        e.append(values[n - 1] + (values[n - 1] - values[n - 2]) / 2)
        return e
    }
}

/// The figure kinds, each a pure function from BlendCore results to a `Figure`.
public enum Figures {}
