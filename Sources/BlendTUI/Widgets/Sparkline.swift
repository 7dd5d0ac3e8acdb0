import BlendCore

/// Values as columns of eighth blocks, one column per cell, bottom-aligned; one row for a
/// sparkline (`▁▂▅▇▅▂▁`), several rows for a histogram. More values than cells are averaged
/// into buckets, so a long series still fits.
public struct Sparkline: Widget {
    public var values: [Double]
    /// The value of a full column; defaults to the largest value.
    public var maximum: Double?
    public var style: Style

    public init(_ values: [Double], maximum: Double? = nil, style: Style = Style(fg: .accent)) {
        self.values = values
        self.maximum = maximum
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty, !values.isEmpty else { return }
        let columns = Sparkline.resample(values, to: min(area.width, values.count))
        let top = maximum ?? columns.filter(\.isFinite).max() ?? 0
        guard top > 0 else { return }
        for (i, value) in columns.enumerated() {
            let fraction = value.isFinite ? min(max(value / top, 0), 1) : 0
            var eighths = Int((fraction * Double(area.height * 8)).rounded())
            // A non-zero value always shows, so a sparse bin is not mistaken for an empty one.
            if value > 0 && eighths == 0 { eighths = 1 }
            for row in 0..<area.height {
                let here = min(8, eighths - row * 8)
                guard here > 0 else { break }
                canvas.put(BlockBar.level(here), x: area.x + i, y: area.maxY - 1 - row, style: style, clip: area)
            }
        }
    }

    /// Averages `values` into `count` buckets of (nearly) equal size.
    static func resample(_ values: [Double], to count: Int) -> [Double] {
        guard count > 0, values.count > count else { return values }
        return (0..<count).map { bucket in
            let start = bucket * values.count / count
            let end = max(start + 1, (bucket + 1) * values.count / count)
            let slice = values[start..<end]
            return slice.reduce(0, +) / Double(slice.count)
        }
    }
}

/// Counting values into equal-width bins, for histograms of margins and scores.
public enum Histogram {
    /// Counts of `values` in `count` equal bins over `range`; values outside the range go to
    /// the end bins, NaN is ignored.
    public static func bins(_ values: [Double], range: ClosedRange<Double>, count: Int) -> [Int] {
        guard count > 0 else { return [] }
        var bins = [Int](repeating: 0, count: count)
        let span = range.upperBound - range.lowerBound
        for value in values where !value.isNaN {
            let t = span > 0 ? (value - range.lowerBound) / span : 0
            let index = min(count - 1, max(0, Int(t * Double(count))))
            bins[index] += 1
        }
        return bins
    }
}
