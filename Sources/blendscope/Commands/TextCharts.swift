import BlendCore

/// Block-character charts for text output: bars, sparklines and histograms side by side.
enum TextCharts {
    /// One character per value, scaled to the largest; zero is a space, any non-zero at least ▁.
    static func sparkline(_ values: [Int]) -> String {
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: " ", count: values.count) }
        return String(values.map { v in BlockBar.level(v == 0 ? 0 : (v * 8 - 1) / top + 1) })
    }

    /// A bar of `width` cells at full share 1, in eighths (`█████▍`).
    static func bar(_ share: Double, width: Int) -> String { BlockBar.bar(share, width: width) }

    /// `text` without trailing spaces.
    static func trimmed(_ text: String) -> String {
        String(text.reversed().drop { $0 == " " }.reversed())
    }

    /// Pads `text` on the right to `width` characters.
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    /// Histograms over the same bins as columns: one row per bin up to the last non-empty one
    /// in any column, each bar the bin's share of its own distribution so that a small actor
    /// and all actors compare.
    static func histograms(_ columns: [(title: String, distribution: MarginDistribution)], barWidth: Int = 16) -> [String] {
        guard let binCount = columns.first?.distribution.bins.count else { return [] }
        let last = columns.compactMap { $0.distribution.bins.lastIndex { $0 > 0 } }.max() ?? -1
        let width = 1.0 / Double(binCount)
        let cellWidth = max(barWidth + 6, columns.map(\.title.count).max() ?? 0)
        var lines = [TextCharts.pad("", 11) + columns.map { pad($0.title, cellWidth) }.joined(separator: "  ")]
        for b in stride(from: 0, through: last, by: 1) {
            let range = "\(Output.rate(Double(b) * width))–\(Output.rate(Double(b + 1) * width))"
            let cells = columns.map { column -> String in
                let d = column.distribution
                let n = d.bins[b]
                let share = d.count == 0 ? 0 : Double(n) / Double(d.count)
                return pad(pad(bar(share, width: barWidth), barWidth) + " " + (n == 0 ? "" : String(n)), cellWidth)
            }
            lines.append(pad(range, 11) + cells.joined(separator: "  "))
        }
        return lines.map(trimmed)
    }
}

