/// A grid of values coloured along the theme's heat ramp, with shades (`░▒▓█`) so levels stay
/// readable without colour, and markers for the current point (●) and the best one (★).
/// Rows are drawn top to bottom as given (pass the β rows highest first for β-up axes).
/// Without a fixed `cellWidth` the grid fills its area: the columns and rows share the width
/// and height left by the labels, axis and legend (some a cell wider or taller than others).
public struct Heatmap: Widget {
    /// `values[row][column]`; NaN cells are left blank.
    public var values: [[Double]]
    /// Shown left of each row.
    public var rowLabels: [String]
    /// Shown under the first and last columns.
    public var columnLabels: (first: String, last: String)?
    /// Labels under given columns (centred on them), after `columnLabels`' place when both are
    /// set; a label that would touch the one before it is left out.
    public var columnTicks: [(column: Int, label: String)]
    /// Shown left of the tick row, under the row labels (`α`).
    public var axisLabel: String?
    /// The range the ramp spans; defaults to the finite values' minimum and maximum.
    public var range: ClosedRange<Double>?
    public var current: (row: Int, column: Int)?
    public var best: (row: Int, column: Int)?
    /// Cells per value horizontally; nil fills the width.
    public var cellWidth: Int?
    /// Prefix for hit regions: cell (r, c) is clickable as `"\(regionID):r,c"`.
    public var regionID: String?
    /// A last row naming what the colours show, with the ramp between its low and high values
    /// (`Score .102 ░░▒▒▓▓██ .424`); nil leaves it out.
    public var legend: String?
    /// Decimals of the legend's values.
    public var legendDigits: Int

    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: (first: String, last: String)? = nil,
                columnTicks: [(column: Int, label: String)] = [], axisLabel: String? = nil,
                range: ClosedRange<Double>? = nil, current: (row: Int, column: Int)? = nil,
                best: (row: Int, column: Int)? = nil, cellWidth: Int? = nil, regionID: String? = nil,
                legend: String? = nil, legendDigits: Int = 3) {
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.columnTicks = columnTicks
        self.axisLabel = axisLabel
        self.range = range
        self.current = current
        self.best = best
        self.cellWidth = cellWidth
        self.regionID = regionID
        self.legend = legend
        self.legendDigits = legendDigits
    }

    /// Rows under the grid: the axis (labels or ticks) and the legend.
    public var footerRows: Int {
        (columnLabels == nil && columnTicks.isEmpty ? 0 : 1) + (legend == nil ? 0 : 1)
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty, let columnCount = values.map(\.count).max(), columnCount > 0 else { return }
        let labelWidth = (rowLabels + [axisLabel ?? ""]).map { DisplayWidth.of($0) }.max().map { $0 == 0 ? 0 : $0 + 1 } ?? 0
        let gridHeight = max(0, min(area.height - footerRows, cellWidth == nil ? area.height : values.count))
        let shownRows = min(values.count, gridHeight)
        let gridX = area.x + labelWidth
        let gridWidth = cellWidth.map { min(columnCount * $0, area.maxX - gridX) } ?? max(0, area.maxX - gridX)
        // Column c spans [left(c), left(c + 1)); row r spans [top(r), top(r + 1)).
        func left(_ c: Int) -> Int { gridX + (cellWidth.map { c * $0 } ?? c * gridWidth / columnCount) }
        func top(_ r: Int) -> Int { area.y + (shownRows == 0 ? 0 : r * gridHeight / shownRows) }
        let finite = values.joined().filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        let high = range?.upperBound ?? finite.max() ?? 1

        for row in 0..<shownRows {
            let y = top(row), height = top(row + 1) - y
            if row < rowLabels.count {
                canvas.draw(rowLabels[row], x: area.x, y: y, maxWidth: max(0, labelWidth - 1), style: Style(fg: .muted), clip: area)
            }
            for column in 0..<values[row].count {
                let x = left(column), width = min(left(column + 1), area.maxX) - x
                guard x < area.maxX, width > 0 else { break }
                let value = values[row][column]
                guard value.isFinite else { continue }
                let level = high > low ? (value - low) / (high - low) : 1
                let heat = Color.heat(fraction: level)
                let cell = Rect(x: x, y: y, width: width, height: height)
                canvas.fill(cell, BlockGlyphs.shade(level), style: Style(fg: heat, bg: heat))
                if let marker = marker(row: row, column: column) {
                    let ink: Color = level >= 0.5 ? .background : .text
                    canvas.put(marker, x: x + (width - 1) / 2, y: y + (height - 1) / 2, style: Style(fg: ink, bg: heat, .bold), clip: area)
                }
                if let regionID { canvas.markRegion(cell.intersection(area), id: "\(regionID):\(row),\(column)") }
            }
        }
        var y = area.y + gridHeight
        if footerRows > (legend == nil ? 0 : 1), y < area.maxY {
            axis(&canvas, Rect(x: gridX, y: y, width: gridWidth, height: 1), columnCount: columnCount, left: left)
            if let axisLabel { canvas.draw(axisLabel, x: area.x, y: y, maxWidth: max(0, labelWidth - 1), style: Style(fg: .muted)) }
            y += 1
        }
        if let legend, y < area.maxY {
            drawLegend(&canvas, legend, low: low, high: high, Rect(x: area.x, y: y, width: area.width, height: 1))
        }
    }

    private func axis(_ canvas: inout Canvas, _ axis: Rect, columnCount: Int, left: (Int) -> Int) {
        let muted = Style(fg: .muted)
        if let columnLabels {
            canvas.draw(columnLabels.first, in: axis, alignment: .left, style: muted)
            if DisplayWidth.of(columnLabels.first) + DisplayWidth.of(columnLabels.last) < axis.width {
                canvas.draw(columnLabels.last, in: axis, alignment: .right, style: muted)
            }
        }
        var free = axis.x - 1
        for tick in columnTicks where tick.column >= 0 && tick.column < columnCount {
            let width = DisplayWidth.of(tick.label)
            let centre = (left(tick.column) + left(tick.column + 1) - 1) / 2
            let start = min(max(axis.x, centre - width / 2), axis.maxX - width)
            guard start > free, start >= axis.x else { continue }
            canvas.draw(tick.label, x: start, y: axis.y, style: muted)
            free = start + width
        }
    }

    /// `title low ramp high`: the ramp as wide as the row allows (up to 24 cells), each cell
    /// its level's colour and shade, so it reads with colour and without.
    private func drawLegend(_ canvas: inout Canvas, _ title: String, low: Double, high: Double, _ row: Rect) {
        let lowText = Format.fraction(low, digits: legendDigits), highText = Format.fraction(high, digits: legendDigits)
        let fixed = DisplayWidth.of(title) + DisplayWidth.of(lowText) + DisplayWidth.of(highText) + 3
        let rampWidth = min(24, row.width - fixed)
        guard rampWidth >= 4 else {
            canvas.draw("\(title) \(lowText)–\(highText)", x: row.x, y: row.y, maxWidth: row.width, style: Style(fg: .muted))
            return
        }
        var x = row.x
        canvas.draw(title + " " + lowText + " ", x: x, y: row.y, style: Style(fg: .muted))
        x += DisplayWidth.of(title) + DisplayWidth.of(lowText) + 2
        for i in 0..<rampWidth {
            let level = Double(i) / Double(rampWidth - 1)
            let heat = Color.heat(fraction: level)
            canvas.put(BlockGlyphs.shade(level), x: x + i, y: row.y, style: Style(fg: heat, bg: heat))
        }
        canvas.draw(" " + highText, x: x + rampWidth, y: row.y, style: Style(fg: .muted))
    }

    /// The best point wins when it is also the current one: the star says more.
    private func marker(row: Int, column: Int) -> Character? {
        if let best, best.row == row, best.column == column { return "★" }
        if let current, current.row == row, current.column == column { return "●" }
        return nil
    }
}
