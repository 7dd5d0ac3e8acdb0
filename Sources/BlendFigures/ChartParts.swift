import BlendCore

/// Axes, legends and wrapped notes shared by every figure kind.
enum ChartParts {
    static let tickLength = 2.5
    static let frame = FigureStroke(Palette.ink, width: 0.5)

    /// The plot frame, ticks outside it with their labels, and the axis titles.
    static func axes(_ box: FigureBox, x: LinearScale, xTicks: [(Double, String)], xTitle: String,
                     y: LinearScale, yTicks: [(Double, String)], yTitle: String, yLabelWidth: Double = 0) -> [FigureMark] {
        var marks: [FigureMark] = [.rect(box, fill: nil, stroke: frame)]
        for (v, text) in xTicks {
            let px = x(v)
            marks.append(.polyline([FigurePoint(px, box.maxY), FigurePoint(px, box.maxY + tickLength)], frame))
            marks.append(.text(text, at: FigurePoint(px, box.maxY + tickLength + FigureType.tick), size: FigureType.tick,
                               anchor: .middle, colour: Palette.ink, vertical: false))
        }
        var widest = yLabelWidth
        for (v, text) in yTicks {
            let py = y(v)
            marks.append(.polyline([FigurePoint(box.x - tickLength, py), FigurePoint(box.x, py)], frame))
            marks.append(.text(text, at: FigurePoint(box.x - tickLength - 1, py + FigureType.tick * 0.3),
                               size: FigureType.tick, anchor: .end, colour: Palette.ink, vertical: false))
            widest = max(widest, TextMetrics.width(text, size: FigureType.tick))
        }
        marks.append(.text(xTitle, at: FigurePoint(box.x + box.width / 2, box.maxY + tickLength + FigureType.tick + 2 + FigureType.label),
                           size: FigureType.label, anchor: .middle, colour: Palette.ink, vertical: false))
        marks.append(.text(yTitle, at: FigurePoint(box.x - tickLength - 3 - widest - FigureType.label * TextMetrics.descent,
                                                   box.y + box.height / 2),
                           size: FigureType.label, anchor: .middle, colour: Palette.ink, vertical: true))
        return marks
    }

    /// Room left of a plot for y tick labels of `labels` and a vertical title.
    static func leftMargin(_ labels: [String]) -> Double {
        let widest = labels.map { TextMetrics.width($0, size: FigureType.tick) }.max() ?? 0
        return tickLength + 3 + widest + FigureType.label + 2
    }

    /// Room below a plot for x tick labels and a title.
    static let bottomMargin = tickLength + FigureType.tick + 2 + FigureType.label + TextMetrics.descent * FigureType.label + 2

    /// Tick values with their labels.
    static func ticks(_ low: Double, _ high: Double, target: Int = 5) -> [(Double, String)] {
        let step = NiceTicks.step(low, high, target: target)
        return NiceTicks.values(low, high, target: target).map { ($0, NiceTicks.label($0, step: step)) }
    }

    enum Sample {
        case line(FigureStroke, MarkerShape?)
        case marker(MarkerShape, FigureStroke, fill: RGB?)
        case swatch(RGB)
    }

    struct Entry {
        let label: String
        let sample: Sample
    }

    /// Legend entries flowed into rows within `x…x+width`, from `top`; returns the marks and
    /// the height used.
    static func legend(_ entries: [Entry], x: Double, top: Double, width: Double) -> ([FigureMark], Double) {
        let size = FigureType.legend, sampleWidth = 12.0, gap = 7.0, row = size + 3
        var marks: [FigureMark] = []
        var cx = x, line = 0
        for e in entries {
            let w = sampleWidth + 2 + TextMetrics.width(e.label, size: size)
            if cx > x && cx + w > x + width {
                cx = x
                line += 1
            }
            let baseline = top + Double(line) * row + size * TextMetrics.ascent
            let mid = baseline - size * 0.3
            switch e.sample {
            case .line(let stroke, let marker):
                marks.append(.polyline([FigurePoint(cx, mid), FigurePoint(cx + sampleWidth, mid)], stroke))
                if let marker {
                    marks.append(.marker(marker, at: FigurePoint(cx + sampleWidth / 2, mid), size: 3.5,
                                         stroke: FigureStroke(stroke.colour, width: 0.6), fill: stroke.colour))
                }
            case .marker(let shape, let stroke, let fill):
                marks.append(.marker(shape, at: FigurePoint(cx + sampleWidth / 2, mid), size: 4.5, stroke: stroke, fill: fill))
            case .swatch(let colour):
                marks.append(.rect(FigureBox(x: cx + 2, y: mid - 3, width: sampleWidth - 4, height: 6), fill: colour,
                                   stroke: FigureStroke(Palette.ink, width: 0.3)))
            }
            marks.append(.text(e.label, at: FigurePoint(cx + sampleWidth + 2, baseline), size: size, anchor: .start,
                               colour: Palette.ink, vertical: false))
            cx += w + gap
        }
        return (marks, entries.isEmpty ? 0 : Double(line + 1) * row)
    }

    /// `text` broken at spaces into lines no wider than `width` at `size`.
    static func wrap(_ text: String, width: Double, size: Double) -> [String] {
        var lines: [String] = [], current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if !current.isEmpty && TextMetrics.width(candidate, size: size) > width {
                lines.append(current)
                current = String(word)
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Wrapped note lines from `top`; returns the marks and the height used.
    static func note(_ text: String, x: Double, top: Double, width: Double) -> ([FigureMark], Double) {
        let size = FigureType.legend, row = size + 2
        let lines = wrap(text, width: width, size: size)
        let marks = lines.enumerated().map { i, line in
            FigureMark.text(line, at: FigurePoint(x, top + Double(i) * row + size * TextMetrics.ascent), size: size,
                            anchor: .start, colour: Palette.ink, vertical: false)
        }
        return (marks, Double(lines.count) * row)
    }

    /// A vertical viridis colour bar in `box` over `low…high`, ticks and labels on its right, and
    /// a vertical title beyond them.
    static func colourBar(_ box: FigureBox, low: Double, high: Double, title: String) -> [FigureMark] {
        var marks: [FigureMark] = []
        let steps = 64
        let scale = LinearScale(low, high, to: box.maxY, box.y)
        for i in 0..<steps {
            let y0 = box.maxY - box.height * Double(i + 1) / Double(steps)
            marks.append(.cell(FigureBox(x: box.x, y: y0, width: box.width, height: box.height / Double(steps)),
                               Palette.viridis((Double(i) + 0.5) / Double(steps))))
        }
        marks.append(.rect(box, fill: nil, stroke: frame))
        var widest = 0.0
        for (v, text) in ticks(low, high, target: 4) {
            let py = scale(v)
            marks.append(.polyline([FigurePoint(box.maxX, py), FigurePoint(box.maxX + tickLength, py)], frame))
            marks.append(.text(text, at: FigurePoint(box.maxX + tickLength + 1, py + FigureType.tick * 0.3),
                               size: FigureType.tick, anchor: .start, colour: Palette.ink, vertical: false))
            widest = max(widest, TextMetrics.width(text, size: FigureType.tick))
        }
        marks.append(.text(title, at: FigurePoint(box.maxX + tickLength + 2 + widest + FigureType.label * TextMetrics.ascent,
                                                  box.y + box.height / 2),
                           size: FigureType.label, anchor: .middle, colour: Palette.ink, vertical: true))
        return marks
    }

    /// Room right of a plot for a colour bar of `width`, its labels and title.
    static func colourBarRoom(width: Double, labels: [String]) -> Double {
        let widest = labels.map { TextMetrics.width($0, size: FigureType.tick) }.max() ?? 0
        return 6 + width + tickLength + 2 + widest + FigureType.label + 2
    }
}
