import BlendCore

/// One encoder's weight in a fusion and its weights in the training folds (empty when the
/// fusion kept none).
public struct FusionWeightBar: Sendable, Hashable {
    public let encoder: String
    public let weight: Double
    public let folds: [Double]

    public init(encoder: String, weight: Double, folds: [Double]) {
        self.encoder = encoder
        self.weight = weight
        self.folds = folds
    }
}

extension Figures {
    /// One row per encoder, heaviest first: the fusion's weight as a bar, the folds' weights
    /// as open circles joined by their min–max line. `note` (how the folds' weights were
    /// chosen) is written under the legend. `unsaved`: the weights are not a saved fusion's
    /// (`fusion` then says what they are, e.g. "the edit of fusion greedy-12"), and the axis
    /// title says so.
    public static func fusionWeights(_ bars: [FusionWeightBar], fusion: String, note: String? = nil, unsaved: Bool = false,
                                     width: FigureWidth = .column) -> Figure {
        let rows = bars.sorted { ($1.weight, $0.encoder) < ($0.weight, $1.encoder) }
        let w = width.points, top = 4.0, rowHeight = 13.0
        let highest = rows.flatMap { [$0.weight] + $0.folds }.max() ?? 1
        // Out to the tick above the heaviest weight, never past 1.
        let step = NiceTicks.step(0, max(highest, 0.1), target: 4)
        let xHigh = min(1, (max(highest, 0.1) / step - 1e-9).rounded(.up) * step)
        let xTicks = ChartParts.ticks(0, xHigh, target: 4)
        let left = ChartParts.leftMargin(rows.map(\.encoder))
        // At least room for the vertical axis title: a fusion of two encoders stays readable.
        let height = max(64, Double(rows.count) * rowHeight + 4)
        let plot = FigureBox(x: left, y: top, width: w - left - 8, height: height)
        let x = LinearScale(0, xHigh, to: plot.x, plot.maxX)
        let rowY = { (i: Int) in plot.y + (Double(i) + 0.5) * (height / Double(max(1, rows.count))) }

        var marks: [FigureMark] = []
        let barFill = Palette.series[2], barEdge = FigureStroke(Palette.ink, width: 0.4)
        let spread = FigureStroke(Palette.ink, width: 0.8), dot = FigureStroke(Palette.ink, width: 0.6)
        for (i, r) in rows.enumerated() {
            let py = rowY(i), half = rowHeight * 0.32
            marks.append(.rect(FigureBox(x: plot.x, y: py - half, width: max(0, x(r.weight) - plot.x), height: 2 * half),
                               fill: barFill, stroke: barEdge))
            if let lo = r.folds.min(), let hi = r.folds.max() {
                marks.append(.polyline([FigurePoint(x(lo), py), FigurePoint(x(hi), py)], spread))
                for end in [lo, hi] {
                    marks.append(.polyline([FigurePoint(x(end), py - 2.5), FigurePoint(x(end), py + 2.5)], spread))
                }
                for f in r.folds {
                    marks.append(.marker(.circle, at: FigurePoint(x(f), py), size: 3, stroke: dot, fill: Palette.white))
                }
            }
        }
        marks += ChartParts.axes(plot, x: x, xTicks: xTicks, xTitle: unsaved ? "weight in \(fusion) (not saved)" : "weight in fusion \(fusion)", y: LinearScale(0, 1, to: 0, 1),
                                 yTicks: [], yTitle: "encoder",
                                 yLabelWidth: rows.map { TextMetrics.width($0.encoder, size: FigureType.tick) }.max() ?? 0)
        for (i, r) in rows.enumerated() {
            let py = rowY(i)
            marks.append(.polyline([FigurePoint(plot.x - ChartParts.tickLength, py), FigurePoint(plot.x, py)], ChartParts.frame))
            marks.append(.text(r.encoder, at: FigurePoint(plot.x - ChartParts.tickLength - 1, py + FigureType.tick * 0.3),
                               size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: false))
        }
        var entries = [ChartParts.Entry(label: "weight", sample: .swatch(barFill))]
        if rows.contains(where: { !$0.folds.isEmpty }) {
            entries.append(ChartParts.Entry(label: "each fold's weight, min–max", sample: .marker(.circle, dot, fill: Palette.white)))
        }
        let legendTop = plot.maxY + ChartParts.bottomMargin + 2
        let (legend, legendHeight) = ChartParts.legend(entries, x: 2, top: legendTop, width: w - 4)
        var used = legendHeight
        marks += legend
        if let note {
            let (lines, height) = ChartParts.note(note, x: 2, top: legendTop + used + 1, width: w - 4)
            marks += lines
            used += 1 + height
        }
        return Figure(width: w, height: (legendTop + used + 2).rounded(.up), marks: marks)
    }
}
