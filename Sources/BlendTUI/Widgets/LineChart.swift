/// One line of a `LineChart`: y values at evenly spaced x from the chart's left to right.
public struct ChartSeries: Sendable {
    public var values: [Double]
    public var style: Style

    public init(_ values: [Double], style: Style) {
        self.values = values
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

    public init(series: [ChartSeries], yRange: ClosedRange<Double>? = nil, xLabel: String = "",
                yDigits: Int = 2, resolution: Resolution = .braille, xTicks: [ChartTick] = [], markers: [ChartMarker] = []) {
        self.xTicks = xTicks
        self.markers = markers
        self.series = series
        self.yRange = yRange
        self.xLabel = xLabel
        self.yDigits = yDigits
        self.resolution = resolution
    }

    public func render(into canvas: inout Canvas, area: Rect) {
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
