import BlendCore

/// One curve: a label and its points, with an optional interval band (low, high per x).
public struct CurveSeries: Sendable, Hashable {
    public let label: String
    public let xs: [Double]
    public let ys: [Double]
    public let band: [ClosedRange<Double>]?

    public init(label: String, xs: [Double], ys: [Double], band: [ClosedRange<Double>]? = nil) {
        precondition(xs.count == ys.count && (band?.count ?? xs.count) == xs.count, "one y (and band) per x")
        self.label = label
        self.xs = xs
        self.ys = ys
        self.band = band
    }

    /// The first maximum: the challenge's rule for β*.
    public var best: Int? {
        guard var i = ys.indices.first else { return nil }
        for j in ys.indices where ys[j] > ys[i] { i = j }
        return i
    }
}

extension Figures {
    /// ACC_S against β, one curve per series (the first drawn heaviest), each series' best β
    /// marked with its filled marker and written in the legend.
    public static func betaCurves(_ series: [CurveSeries], alpha: Double, width: FigureWidth = .column) -> Figure {
        let xs = series.flatMap(\.xs)
        let ys = series.flatMap { s in s.ys + (s.band ?? []).flatMap { [$0.lowerBound, $0.upperBound] } }
        let xLow = xs.min() ?? 0, xHigh = xs.max() ?? 1
        let (yLow, yHigh) = paddedRange(ys.min() ?? 0, ys.max() ?? 1)
        let xTicks = ChartParts.ticks(xLow, xHigh), yTicks = ChartParts.ticks(yLow, yHigh, target: 4)

        let w = width.points, top = 4.0
        let left = ChartParts.leftMargin(yTicks.map(\.1))
        let plotWidth = w - left - 6
        let plot = FigureBox(x: left, y: top, width: plotWidth, height: (plotWidth * 0.62).rounded())
        let x = LinearScale(xLow, xHigh, to: plot.x, plot.maxX)
        let y = LinearScale(yLow, yHigh, to: plot.maxY, plot.y)

        var marks: [FigureMark] = []
        for (i, s) in series.enumerated() {
            guard let band = s.band else { continue }
            let upper = zip(s.xs, band).map { FigurePoint(x($0), y($1.upperBound)) }
            let lower = zip(s.xs, band).map { FigurePoint(x($0), y($1.lowerBound)) }.reversed()
            marks.append(.polygon(upper + lower, fill: colour(i), opacity: 0.15))
        }
        marks += ChartParts.axes(plot, x: x, xTicks: xTicks, xTitle: "β (salience threshold)", y: y, yTicks: yTicks,
                                 yTitle: "ACC_S at α \(NumberText.threshold(alpha))")
        var entries: [ChartParts.Entry] = []
        for (i, s) in series.enumerated().reversed() {
            let stroke = stroke(i)
            marks.append(.polyline(zip(s.xs, s.ys).map { FigurePoint(x($0), y($1)) }, stroke))
            if let b = s.best {
                marks.append(.marker(marker(i), at: FigurePoint(x(s.xs[b]), y(s.ys[b])), size: 4.5,
                                     stroke: FigureStroke(colour(i), width: 0.7), fill: colour(i)))
            }
        }
        for (i, s) in series.enumerated() {
            let star = s.best.map { " (β* \(NumberText.threshold(s.xs[$0])))" } ?? ""
            entries.append(ChartParts.Entry(label: s.label + star, sample: .line(stroke(i), marker(i))))
        }
        let legendTop = plot.maxY + ChartParts.bottomMargin + 2
        let (legend, used) = ChartParts.legend(entries, x: 2, top: legendTop, width: w - 4)
        marks += legend
        return Figure(width: w, height: (legendTop + used + 2).rounded(.up), marks: marks)
    }

    static func colour(_ i: Int) -> RGB { Palette.series[i % Palette.series.count] }
    static func marker(_ i: Int) -> MarkerShape { Palette.markers[i % Palette.markers.count] }
    static func stroke(_ i: Int) -> FigureStroke {
        FigureStroke(colour(i), width: i == 0 ? 1.2 : 0.8, dash: Palette.dashes[i % Palette.dashes.count])
    }

    /// `low…high` widened by 5 % each side and out to the nearest ticks.
    static func paddedRange(_ low: Double, _ high: Double) -> (Double, Double) {
        let span = max(high - low, 0.02)
        let l = max(0, low - span * 0.05), h = min(1, high + span * 0.05)
        let step = NiceTicks.step(l, h, target: 4)
        return (((l / step).rounded(.down) * step), ((h / step).rounded(.up) * step))
    }
}
