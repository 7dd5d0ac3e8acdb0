/// One line of a `LineChart`: y values at evenly spaced x from the chart's left to right.
/// `mark`, when set, is drawn on the line itself (once, twice on wide charts, at places
/// staggered between series) so the series can be told apart without colour.
public struct ChartSeries: Sendable {
    public var values: [Double]
    public var style: Style
    public var mark: Character?

    public init(_ values: [Double], style: Style, mark: Character? = nil) {
        self.values = values
        self.style = style
        self.mark = mark
    }
}

/// A shaded range around a curve (an interval per x, evenly spaced like a series' values),
/// drawn in `glyph` where no curve is.
public struct ChartBand: Sendable {
    public var lower: [Double]
    public var upper: [Double]
    public var glyph: Character
    public var style: Style

    public init(lower: [Double], upper: [Double], glyph: Character = "░", style: Style) {
        self.lower = lower
        self.upper = upper
        self.glyph = glyph
        self.style = style
    }
}

/// A labelled value on a `LineChart`'s x axis, at `x` in 0…1 from its left to its right.
public struct ChartTick: Sendable, Hashable {
    public var x: Double
    public var label: String

    public init(x: Double, label: String) {
        self.x = x
        self.label = label
    }
}

/// A vertical marker through a `LineChart`'s plot (the current β, the best β), at `x` in 0…1;
/// drawn where no curve is, so the curves stay readable.
public struct ChartMarker: Sendable {
    public var x: Double
    public var glyph: Character
    public var style: Style

    public init(x: Double, glyph: Character, style: Style) {
        self.x = x
        self.glyph = glyph
        self.style = style
    }
}

/// Curves such as ACC_S(β): a y axis with its top and bottom labels, an x axis with its
/// label, and the series drawn in braille dots (2×4 per cell) or, where braille is not
/// wanted, in half blocks (1×2 per cell). Where series cross, the later one colours the cell.
public struct LineChart: Widget {
    public enum Resolution: Sendable {
        case braille
        case halfBlocks
    }

    public var series: [ChartSeries]
    /// The y range shown; defaults to the values' minimum and maximum.
    public var yRange: ClosedRange<Double>?
    public var xLabel: String
    public var yDigits: Int
    public var resolution: Resolution
    /// Values under the x axis (a row below it); none keeps the chart as tall as before.
    public var xTicks: [ChartTick]
    public var markers: [ChartMarker]
    public var bands: [ChartBand]

    public init(series: [ChartSeries], yRange: ClosedRange<Double>? = nil, xLabel: String = "",
                yDigits: Int = 2, resolution: Resolution = .braille, xTicks: [ChartTick] = [], markers: [ChartMarker] = [],
                bands: [ChartBand] = []) {
        self.bands = bands
        self.xTicks = xTicks
        self.markers = markers
        self.series = series
        self.yRange = yRange
        self.xLabel = xLabel
        self.yDigits = yDigits
        self.resolution = resolution
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        // The curves set the range; a band reaching past it is cut at the plot's edge (a wide
        // interval would otherwise flatten every curve).
        let finite = series.flatMap(\.values).filter(\.isFinite)
        // The tick row only where the plot keeps at least two rows.
        let tickRow = !xTicks.isEmpty && area.height >= 5 ? 1 : 0
        guard area.width >= 6, area.height >= 3, !finite.isEmpty else { return }
        var low = yRange?.lowerBound ?? finite.min()!
        var high = yRange?.upperBound ?? finite.max()!
        if high <= low {
            low -= 0.5
            high += 0.5
        }
        let topLabel = Format.fraction(high, digits: yDigits), bottomLabel = Format.fraction(low, digits: yDigits)
        let axisWidth = max(DisplayWidth.of(topLabel), DisplayWidth.of(bottomLabel)) + 1
        let plot = Rect(x: area.x + axisWidth + 1, y: area.y, width: area.width - axisWidth - 1, height: area.height - 1 - tickRow)
        guard plot.width > 0, plot.height > 0 else { return }
        let muted = Style(fg: .muted)
        canvas.draw(topLabel, in: Rect(x: area.x, y: plot.y, width: axisWidth - 1, height: 1), alignment: .right, style: muted)
        canvas.draw(bottomLabel, in: Rect(x: area.x, y: plot.maxY - 1, width: axisWidth - 1, height: 1), alignment: .right,
                    style: muted)
        for y in plot.y..<plot.maxY {
            canvas.put(y == plot.y || y == plot.maxY - 1 ? "┤" : "│", x: plot.x - 1, y: y, style: muted)
        }
        canvas.put("└", x: plot.x - 1, y: plot.maxY, style: muted)
        for x in plot.x..<plot.maxX { canvas.put("─", x: x, y: plot.maxY, style: muted) }
        let (dx, dy) = resolution == .braille ? (2, 4) : (1, 2)
        // The cell column of x in 0…1, as the series' dots fall.
        func column(_ x: Double) -> Int {
            plot.x + Int((min(1, max(0, x)) * Double(plot.width * dx - 1)).rounded()) / dx
        }
        if tickRow == 1 {
            var free = plot.x - 1
            for tick in xTicks {
                let c = column(tick.x)
                canvas.put("┬", x: c, y: plot.maxY, style: muted)
                let width = DisplayWidth.of(tick.label)
                let start = min(max(plot.x, c - width / 2), plot.maxX - width)
                // A label that would touch the one before it is left out.
                guard start > free else { continue }
                canvas.draw(tick.label, x: start, y: plot.maxY + 1, style: muted)
                free = start + width
            }
        }
        if !xLabel.isEmpty {
            canvas.draw(" " + xLabel, in: Rect(x: plot.x, y: plot.maxY, width: plot.width, height: 1), alignment: .right,
                        style: muted)
        }

        var grid = DotGrid(columns: plot.width, rows: plot.height, dotsX: dx, dotsY: dy)
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().compactMap { (i, v) -> (Int, Int)? in
                guard v.isFinite else { return nil }
                let fx = line.values.count > 1 ? Double(i) / Double(line.values.count - 1) : 0
                let fy = (min(max(v, low), high) - low) / (high - low)
                return (Int((fx * Double(grid.width - 1)).rounded()), Int(((1 - fy) * Double(grid.height - 1)).rounded()))
            }
            for (a, b) in zip(points, points.dropFirst()) { grid.line(from: a, to: b, series: index) }
            if points.count == 1 { grid.set(points[0].0, points[0].1, series: index) }
        }
        // The row of a value, as the series' dots fall.
        func row(_ v: Double) -> Int {
            let fy = (min(max(v, low), high) - low) / (high - low)
            return Int(((1 - fy) * Double(grid.height - 1)).rounded()) / dy
        }
        for band in bands where band.lower.count == band.upper.count && band.lower.count > 1 {
            let n = band.lower.count
            for c in 0..<plot.width {
                // The band's ends at this column, linear between its points.
                let f = Double(c * dx) / Double(max(1, grid.width - 1)) * Double(n - 1)
                let i = min(n - 2, Int(f)), t = f - Double(i)
                let lo = band.lower[i] + (band.lower[i + 1] - band.lower[i]) * t
                let hi = band.upper[i] + (band.upper[i + 1] - band.upper[i]) * t
                guard lo.isFinite, hi.isFinite else { continue }
                for r in row(hi)...max(row(hi), row(lo)) where grid.owner(c, r) == nil {
                    canvas.put(band.glyph, x: plot.x + c, y: plot.y + r, style: band.style)
                }
            }
        }
        for marker in markers {
            let c = column(marker.x) - plot.x
            for row in 0..<plot.height where grid.owner(c, row) == nil {
                canvas.put(marker.glyph, x: plot.x + c, y: plot.y + row, style: marker.style)
            }
        }
        for row in 0..<plot.height {
            for column in 0..<plot.width {
                guard let owner = grid.owner(column, row) else { continue }
                let glyph = resolution == .braille ? grid.braille(column, row) : grid.halfBlock(column, row)
                canvas.put(glyph, x: plot.x + column, y: plot.y + row, style: series[owner].style)
            }
        }
        drawMarks(&canvas, plot: plot, grid: grid, low: low, high: high)
    }

    /// Each marked series' mark on its line, at places staggered between the series (and a
    /// second one half a chart on when the plot is wide), moved along the line off a cell
    /// another mark took.
    private func drawMarks(_ canvas: inout Canvas, plot: Rect, grid: DotGrid, low: Double, high: Double) {
        let marked = series.indices.filter { series[$0].mark != nil && series[$0].values.count > 1 }
        guard !marked.isEmpty else { return }
        var taken = Set<Int>()
        let places = plot.width >= 48 ? 2 : 1
        for (k, s) in marked.enumerated() {
            let line = series[s], n = line.values.count
            guard let mark = line.mark else { continue }
            for place in 0..<places {
                let f = (Double(k + 1) / Double(marked.count + 1) + Double(place)) / Double(places)
                let wanted = Int((f * Double(n - 1)).rounded())
                for i in [wanted, wanted + 1, wanted - 1, wanted + 2, wanted - 2] where i >= 0 && i < n {
                    let v = line.values[i]
                    guard v.isFinite else { continue }
                    let fy = (min(max(v, low), high) - low) / (high - low)
                    let cx = Int((Double(i) / Double(n - 1) * Double(grid.width - 1)).rounded()) / grid.dotsX
                    let cy = Int(((1 - fy) * Double(grid.height - 1)).rounded()) / grid.dotsY
                    guard !taken.contains(cy * plot.width + cx) else { continue }
                    taken.insert(cy * plot.width + cx)
                    canvas.put(mark, x: plot.x + cx, y: plot.y + cy, style: line.style)
                    break
                }
            }
        }
    }
}

/// Dots at sub-cell resolution, remembering which series last touched each cell.
struct DotGrid {
    let columns: Int, rows: Int, dotsX: Int, dotsY: Int
    private var dots: [Bool]
    private var owners: [Int?]

    init(columns: Int, rows: Int, dotsX: Int, dotsY: Int) {
        self.columns = columns
        self.rows = rows
        self.dotsX = dotsX
        self.dotsY = dotsY
        dots = Array(repeating: false, count: columns * dotsX * rows * dotsY)
        owners = Array(repeating: nil, count: columns * rows)
    }

    var width: Int { columns * dotsX }
    var height: Int { rows * dotsY }

    mutating func set(_ x: Int, _ y: Int, series: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        dots[y * width + x] = true
        owners[(y / dotsY) * columns + x / dotsX] = series
    }

    /// Bresenham: every dot between the two points, so steep segments stay connected.
    mutating func line(from a: (Int, Int), to b: (Int, Int), series: Int) {
        var (x, y) = a
        let dx = abs(b.0 - x), dy = -abs(b.1 - y)
        let sx = x < b.0 ? 1 : -1, sy = y < b.1 ? 1 : -1
        var error = dx + dy
        while true {
            set(x, y, series: series)
            if x == b.0 && y == b.1 { break }
            let e2 = 2 * error
            if e2 >= dy {
                error += dy
                x += sx
            }
            if e2 <= dx {
                error += dx
                y += sy
            }
        }
    }

    func owner(_ column: Int, _ row: Int) -> Int? { owners[row * columns + column] }

    private func dot(_ column: Int, _ row: Int, _ sx: Int, _ sy: Int) -> Bool {
        dots[(row * dotsY + sy) * width + column * dotsX + sx]
    }

    /// The braille pattern of a cell's 2×4 dots (U+2800 plus the dot bits).
    func braille(_ column: Int, _ row: Int) -> Character {
        let bits: [(Int, Int, UInt32)] = [(0, 0, 0x01), (0, 1, 0x02), (0, 2, 0x04), (1, 0, 0x08),
                                          (1, 1, 0x10), (1, 2, 0x20), (0, 3, 0x40), (1, 3, 0x80)]
        var value: UInt32 = 0x2800
        for (sx, sy, bit) in bits where dot(column, row, sx, sy) { value |= bit }
        return Character(Unicode.Scalar(value)!)
    }

    /// `▀`, `▄` or `█` for a cell's two stacked dots.
    func halfBlock(_ column: Int, _ row: Int) -> Character {
        switch (dot(column, row, 0, 0), dot(column, row, 0, 1)) {
        case (true, true): "█"
        case (true, false): "▀"
        case (false, true): "▄"
        case (false, false): " "
        }
    }
}
