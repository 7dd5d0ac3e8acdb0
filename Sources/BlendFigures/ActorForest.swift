import BlendCore

/// One actor's best β and its bootstrap interval (nil when no replicate had one).
public struct ActorBetaPoint: Sendable, Hashable {
    public let actor: String
    public let beta: Double
    public let interval: ClosedRange<Double>?

    public init(actor: String, beta: Double, interval: ClosedRange<Double>?) {
        self.actor = actor
        self.beta = beta
        self.interval = interval
    }
}

extension Figures {
    /// A forest plot: one row per actor, sorted by β* (then name), its interval as a line and
    /// β* as a marker, against the global β* (dashed). Actors whose interval misses the global
    /// β* are drawn as open vermillion squares, the rest as filled black circles.
    public static func actorBeta(_ points: [ActorBetaPoint], global: Double, betas: ClosedRange<Double>,
                                 omitted: Int = 0, width: FigureWidth = .column) -> Figure {
        let rows = points.sorted { ($0.beta, $0.actor) < ($1.beta, $1.actor) }
        let w = width.points, top = 4.0, rowHeight = 9.0
        let xTicks = ChartParts.ticks(betas.lowerBound, betas.upperBound)
        let left = ChartParts.leftMargin(rows.map(\.actor))
        let plot = FigureBox(x: left, y: top, width: w - left - 8, height: max(1, Double(rows.count)) * rowHeight + 4)
        let x = LinearScale(betas.lowerBound, betas.upperBound, to: plot.x, plot.maxX)
        let rowY = { (i: Int) in plot.y + 2 + (Double(i) + 0.5) * rowHeight }

        var marks: [FigureMark] = [.polyline([FigurePoint(x(global), plot.y), FigurePoint(x(global), plot.maxY)],
                                             FigureStroke(Palette.grey, width: 0.8, dash: [3, 2]))]
        let axisTicks = rows.indices.map { (Double($0), rows[$0].actor) }
        let y = LinearScale(0, 1, to: 0, 1)
        marks += ChartParts.axes(plot, x: x, xTicks: xTicks, xTitle: "β* of the actor", y: y, yTicks: [], yTitle: "actor",
                                 yLabelWidth: rows.map { TextMetrics.width($0.actor, size: FigureType.tick) }.max() ?? 0)
        let cover = FigureStroke(Palette.ink, width: 0.7), miss = FigureStroke(Palette.accent, width: 0.7)
        for (i, p) in rows.enumerated() {
            let py = rowY(i)
            let misses = p.interval.map { !$0.contains(global) } ?? false
            if let r = p.interval {
                marks.append(.polyline([FigurePoint(x(r.lowerBound), py), FigurePoint(x(r.upperBound), py)], misses ? miss : cover))
            }
            marks.append(misses
                ? .marker(.square, at: FigurePoint(x(p.beta), py), size: 3.5, stroke: miss, fill: Palette.white)
                : .marker(.circle, at: FigurePoint(x(p.beta), py), size: 3.5, stroke: cover, fill: Palette.ink))
            marks.append(.polyline([FigurePoint(plot.x - ChartParts.tickLength, py), FigurePoint(plot.x, py)], ChartParts.frame))
            marks.append(.text(axisTicks[i].1, at: FigurePoint(plot.x - ChartParts.tickLength - 1, py + FigureType.tick * 0.3),
                               size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: false))
        }
        var entries = [
            ChartParts.Entry(label: "interval covers global β* \(NumberText.threshold(global))", sample: .marker(.circle, cover, fill: Palette.ink)),
            ChartParts.Entry(label: "misses it", sample: .marker(.square, miss, fill: Palette.white)),
            ChartParts.Entry(label: "global β*", sample: .line(FigureStroke(Palette.grey, width: 0.8, dash: [3, 2]), nil)),
        ]
        if omitted > 0 {
            entries.append(ChartParts.Entry(label: "\(omitted) without β* not shown", sample: .swatch(Palette.white)))
        }
        let legendTop = plot.maxY + ChartParts.bottomMargin + 2
        let (legend, used) = ChartParts.legend(entries, x: 2, top: legendTop, width: w - 4)
        marks += legend
        return Figure(width: w, height: (legendTop + used + 2).rounded(.up), marks: marks)
    }
}
