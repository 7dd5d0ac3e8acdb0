import BlendCore

extension Figures {
    /// One letter per emotion: the first of its English name, distinct for the six.
    public static func letter(_ e: Emotion) -> String { String(e.title.prefix(1)) }

    /// `a`, `a+d`: a label set in letters.
    public static func shortLabel(_ s: LabelSet) -> String { s.emotions.map(letter).joined(separator: "+") }

    /// The presence confusion table: true set down, predicted set across, each cell coloured by
    /// its row rate and annotated with its count (or, with `rates`, its rate); empty cells blank.
    public static func confusion(_ table: ConfusionTable<LabelSet>, rates: Bool, width: FigureWidth = .column) -> Figure {
        let rows = table.rows.map(shortLabel), columns = table.columns.map(shortLabel)
        let w = width.points, top = 4.0
        let barLabels = ChartParts.ticks(0, 1, target: 4).map(\.1)
        let rowLabelWidth = rows.map { TextMetrics.width($0, size: FigureType.tick) }.max() ?? 0
        let columnLabelHeight = columns.map { TextMetrics.width($0, size: FigureType.tick) }.max() ?? 0
        let left = ChartParts.tickLength + 2 + rowLabelWidth + FigureType.label + 3
        let right = ChartParts.colourBarRoom(width: 7, labels: barLabels)
        let n = Double(max(1, table.columns.count)), m = Double(max(1, table.rows.count))
        let cell = ((w - left - right) / n).rounded(.down)
        let plot = FigureBox(x: left, y: top, width: cell * n, height: cell * m)

        var texts: [String] = []
        var marks: [FigureMark] = []
        var annotations: [FigureMark] = []
        for r in table.rows.indices {
            for c in table.columns.indices {
                let count = table.count(row: r, column: c), rate = table.rate(row: r, column: c)
                let fill = count == 0 ? Palette.white : Palette.viridis(rate)
                let box = FigureBox(x: plot.x + Double(c) * cell, y: plot.y + Double(r) * cell, width: cell, height: cell)
                marks.append(.cell(box, fill))
                guard count > 0 else { continue }
                let text = rates ? (rate >= 1 ? "1" : NumberText.fixed(rate, places: 2, leadingZero: false)) : String(count)
                texts.append(text)
                annotations.append(.text(text, at: FigurePoint(box.x + cell / 2, box.y + cell / 2), size: 0,
                                         anchor: .middle, colour: Palette.text(on: fill), vertical: false))
            }
        }
        // One size for every annotation: the largest at which the widest fits its cell.
        let widest = texts.map { TextMetrics.width($0, size: 1) }.max() ?? 1
        let size = min(FigureType.tick, (cell - 1.5) / widest, cell * 0.75)
        for case .text(let s, let at, _, let anchor, let colour, let vertical) in annotations {
            marks.append(.text(s, at: FigurePoint(at.x, at.y + size * 0.36), size: size, anchor: anchor, colour: colour,
                               vertical: vertical))
        }
        marks.append(.rect(plot, fill: nil, stroke: ChartParts.frame))
        for (i, label) in rows.enumerated() {
            marks.append(.text(label, at: FigurePoint(plot.x - ChartParts.tickLength, plot.y + (Double(i) + 0.5) * cell + FigureType.tick * 0.3),
                               size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: false))
        }
        for (i, label) in columns.enumerated() {
            marks.append(.text(label, at: FigurePoint(plot.x + (Double(i) + 0.5) * cell + FigureType.tick * 0.3, plot.maxY + ChartParts.tickLength),
                               size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: true))
        }
        marks.append(.text("true", at: FigurePoint(plot.x - ChartParts.tickLength - 2 - rowLabelWidth - FigureType.label * TextMetrics.descent,
                                                   plot.y + plot.height / 2),
                           size: FigureType.label, anchor: .middle, colour: Palette.ink, vertical: true))
        let titleBaseline = plot.maxY + ChartParts.tickLength + columnLabelHeight + 2 + FigureType.label
        marks.append(.text("predicted", at: FigurePoint(plot.x + plot.width / 2, titleBaseline), size: FigureType.label,
                           anchor: .middle, colour: Palette.ink, vertical: false))
        let bar = FigureBox(x: plot.maxX + 6, y: plot.y, width: 7, height: plot.height)
        marks += ChartParts.colourBar(bar, low: 0, high: 1, title: "row rate")
        let key = Emotion.allCases.map { "\(letter($0)) \($0.title)" }.joined(separator: ", ")
        let (note, used) = ChartParts.note("\(key); a+d: anger and disgust blended. \(rates ? "Row rates" : "Counts") shown; blank: none.",
                                           x: 2, top: titleBaseline + FigureType.label * TextMetrics.descent + 3, width: w - 4)
        marks += note
        return Figure(width: w, height: (titleBaseline + FigureType.label * TextMetrics.descent + 3 + used + 2).rounded(.up),
                      marks: marks)
    }
}
