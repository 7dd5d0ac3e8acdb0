import BlendCore

/// One duration bin: its range, clip and blend counts, ACC_S at the report's thresholds with
/// its bootstrap interval (nil without one), and its best β (nil when none).
public struct DurationBinPoint: Sendable, Hashable {
    public let range: String
    public let clips: Int
    public let blends: Int
    public let accSalience: Double
    public let interval: ClosedRange<Double>?
    public let bestBeta: Double?

    public init(range: String, clips: Int, blends: Int, accSalience: Double, interval: ClosedRange<Double>?, bestBeta: Double?) {
        self.range = range
        self.clips = clips
        self.blends = blends
        self.accSalience = accSalience
        self.interval = interval
        self.bestBeta = bestBeta
    }
}

extension Figures {
    /// Two panels over the duration bins, shortest first: ACC_S at the thresholds with its
    /// interval against all clips' ACC_S (dashed), and each bin's β* against the global β*
    /// (dashed). Each bin is labelled with its range and its blends.
    public static func durations(_ bins: [DurationBinPoint], thresholds: Thresholds, overall: Double, globalBeta: Double,
                                 betas: ClosedRange<Double>, width: FigureWidth = .column) -> Figure {
        let w = width.points, top = 4.0, gap = 8.0
        let accValues = bins.flatMap { b in [b.accSalience] + (b.interval.map { [$0.lowerBound, $0.upperBound] } ?? []) } + [overall]
        let (accLow, accHigh) = paddedRange(accValues.min() ?? 0, accValues.max() ?? 1)
        let accTicks = ChartParts.ticks(accLow, accHigh, target: 4)
        let betaTicks = ChartParts.ticks(betas.lowerBound, betas.upperBound, target: 4)
        let left = ChartParts.leftMargin((accTicks + betaTicks).map(\.1))
        let plotWidth = w - left - 6
        let panelHeight = (plotWidth * 0.36).rounded()
        let accBox = FigureBox(x: left, y: top, width: plotWidth, height: panelHeight)
        let betaBox = FigureBox(x: left, y: accBox.maxY + gap, width: plotWidth, height: panelHeight)
        let n = max(1, bins.count)
        let slot = plotWidth / Double(n)
        let cx = { (i: Int) in left + (Double(i) + 0.5) * slot }
        let accY = LinearScale(accLow, accHigh, to: accBox.maxY, accBox.y)
        let betaY = LinearScale(betas.lowerBound, betas.upperBound, to: betaBox.maxY, betaBox.y)
        let none = LinearScale(0, 1, to: 0, 1)
        let reference = FigureStroke(Palette.grey, width: 0.8, dash: [3, 2])

        var marks: [FigureMark] = [
            .polyline([FigurePoint(accBox.x, accY(overall)), FigurePoint(accBox.maxX, accY(overall))], reference),
            .polyline([FigurePoint(betaBox.x, betaY(globalBeta)), FigurePoint(betaBox.maxX, betaY(globalBeta))], reference),
        ]
        // The x axis is the bins: no numeric ticks, the bins' labels are drawn below.
        marks += ChartParts.axes(accBox, x: none, xTicks: [], xTitle: "", y: accY, yTicks: accTicks,
                                 yTitle: "ACC_S at α \(NumberText.threshold(thresholds.alpha))")
            .filter { if case .text("", _, _, _, _, _) = $0 { false } else { true } }
        marks += ChartParts.axes(betaBox, x: none, xTicks: [], xTitle: "", y: betaY, yTicks: betaTicks, yTitle: "β* of the bin")
            .filter { if case .text("", _, _, _, _, _) = $0 { false } else { true } }
        let interval = FigureStroke(Palette.ink, width: 0.8), point = FigureStroke(Palette.ink, width: 0.7)
        let betaStroke = FigureStroke(Palette.series[5], width: 0.8)
        var betaPoints: [FigurePoint] = []
        for (i, b) in bins.enumerated() {
            let px = cx(i)
            if let r = b.interval {
                marks.append(.polyline([FigurePoint(px, accY(r.lowerBound)), FigurePoint(px, accY(r.upperBound))], interval))
                for end in [r.lowerBound, r.upperBound] {
                    marks.append(.polyline([FigurePoint(px - 2.5, accY(end)), FigurePoint(px + 2.5, accY(end))], interval))
                }
            }
            marks.append(.marker(.circle, at: FigurePoint(px, accY(b.accSalience)), size: 4, stroke: point, fill: Palette.ink))
            if let beta = b.bestBeta {
                betaPoints.append(FigurePoint(px, betaY(beta)))
            } else {
                marks.append(.text("none", at: FigurePoint(px, betaBox.maxY - 3), size: FigureType.tick, anchor: .middle,
                                   colour: Palette.grey, vertical: false))
            }
        }
        if betaPoints.count > 1 { marks.append(.polyline(betaPoints, FigureStroke(Palette.series[5], width: 0.6, dash: [1, 1.2]))) }
        for p in betaPoints { marks.append(.marker(.square, at: p, size: 4, stroke: betaStroke, fill: Palette.series[5])) }

        // Bin labels under the lower panel: the range, then the blends; upright while they fit
        // their slot, else read bottom to top.
        let labels = bins.map { $0.range }
        let counts = bins.map { "\($0.blends) blends" }
        let widest = (labels + counts).map { TextMetrics.width($0, size: FigureType.tick) }.max() ?? 0
        let upright = widest <= slot - 2
        var bottom = betaBox.maxY + ChartParts.tickLength
        for i in bins.indices {
            let px = cx(i)
            marks.append(.polyline([FigurePoint(px, betaBox.maxY), FigurePoint(px, betaBox.maxY + ChartParts.tickLength)], ChartParts.frame))
            if upright {
                marks.append(.text(labels[i], at: FigurePoint(px, bottom + FigureType.tick), size: FigureType.tick, anchor: .middle,
                                   colour: Palette.ink, vertical: false))
                marks.append(.text(counts[i], at: FigurePoint(px, bottom + 2 * FigureType.tick + 1), size: FigureType.tick,
                                   anchor: .middle, colour: Palette.grey, vertical: false))
            } else {
                marks.append(.text("\(labels[i]) · \(bins[i].blends)", at: FigurePoint(px + FigureType.tick * 0.3, bottom + 1),
                                   size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: true))
            }
        }
        let rotatedDepth = bins.indices.map { TextMetrics.width("\(labels[$0]) · \(bins[$0].blends)", size: FigureType.tick) }.max() ?? 0
        bottom += upright ? 2 * FigureType.tick + 1 + FigureType.tick * TextMetrics.descent : rotatedDepth + 1
        let title = upright ? "clip duration (bin, blends in it)" : "clip duration (bin · blends in it)"
        marks.append(.text(title, at: FigurePoint(betaBox.x + betaBox.width / 2, bottom + 2 + FigureType.label), size: FigureType.label,
                           anchor: .middle, colour: Palette.ink, vertical: false))
        bottom += 2 + FigureType.label + FigureType.label * TextMetrics.descent
        let entries = [
            ChartParts.Entry(label: "ACC_S, β \(NumberText.threshold(thresholds.beta)), interval", sample: .marker(.circle, point, fill: Palette.ink)),
            ChartParts.Entry(label: "β* of the bin", sample: .marker(.square, betaStroke, fill: Palette.series[5])),
            ChartParts.Entry(label: "all clips (ACC_S \(NumberText.rate(overall)), β* \(NumberText.threshold(globalBeta)))",
                             sample: .line(reference, nil)),
        ]
        let legendTop = bottom + 3
        let (legend, used) = ChartParts.legend(entries, x: 2, top: legendTop, width: w - 4)
        marks += legend
        return Figure(width: w, height: (legendTop + used + 2).rounded(.up), marks: marks)
    }
}
