/// A grid of values coloured along the theme's heat ramp, with shades (`░▒▓█`) so levels stay
/// readable without colour, and markers for the current point (●) and the best one (★).
/// Rows are drawn top to bottom as given (pass the β rows highest first for β-up axes).
public struct Heatmap: Widget {
    /// `values[row][column]`; NaN cells are left blank.
    public var values: [[Double]]
    /// Shown left of each row.
    public var rowLabels: [String]
    /// Shown under the first and last columns.
    public var columnLabels: (first: String, last: String)?
    /// The range the ramp spans; defaults to the finite values' minimum and maximum.
    public var range: ClosedRange<Double>?
    public var current: (row: Int, column: Int)?
    public var best: (row: Int, column: Int)?
    /// Cells per value horizontally; nil picks the widest of 1–3 that fits.
    public var cellWidth: Int?
    /// Prefix for hit regions: cell (r, c) is clickable as `"\(regionID):r,c"`.
    public var regionID: String?

    public init(values: [[Double]], rowLabels: [String] = [], columnLabels: (first: String, last: String)? = nil,
                range: ClosedRange<Double>? = nil, current: (row: Int, column: Int)? = nil,
                best: (row: Int, column: Int)? = nil, cellWidth: Int? = nil, regionID: String? = nil) {
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.range = range
        self.current = current
        self.best = best
        self.cellWidth = cellWidth
        self.regionID = regionID
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty, let columnCount = values.map(\.count).max(), columnCount > 0 else { return }
        let labelWidth = rowLabels.map { DisplayWidth.of($0) }.max().map { $0 + 1 } ?? 0
        let gridHeight = min(values.count, area.height - (columnLabels == nil ? 0 : 1))
        let width = cellWidth ?? max(1, min(3, (area.width - labelWidth) / columnCount))
        let finite = values.joined().filter(\.isFinite)
        let low = range?.lowerBound ?? finite.min() ?? 0
        let high = range?.upperBound ?? finite.max() ?? 1
        let gridX = area.x + labelWidth

        for row in 0..<max(0, gridHeight) {
            let y = area.y + row
            if row < rowLabels.count {
                canvas.draw(rowLabels[row], x: area.x, y: y, maxWidth: labelWidth - 1, style: Style(fg: .muted), clip: area)
            }
            for column in 0..<values[row].count {
                let x = gridX + column * width
                guard x < area.maxX else { break }
                let value = values[row][column]
                guard value.isFinite else { continue }
                let level = high > low ? (value - low) / (high - low) : 1
                let heat = Color.heat(fraction: level)
                let cell = Rect(x: x, y: y, width: width, height: 1)
                canvas.fill(cell, BlockGlyphs.shade(level), style: Style(fg: heat, bg: heat))
                if let marker = marker(row: row, column: column) {
                    let ink: Color = level >= 0.5 ? .background : .text
                    canvas.put(marker, x: x + (width - 1) / 2, y: y, style: Style(fg: ink, bg: heat, .bold), clip: area)
                }
                if let regionID { canvas.markRegion(cell.intersection(area), id: "\(regionID):\(row),\(column)") }
            }
        }
        if let columnLabels, gridHeight < area.height {
            let y = area.y + gridHeight
            let gridWidth = min(columnCount * width, area.maxX - gridX)
            let axis = Rect(x: gridX, y: y, width: gridWidth, height: 1)
            canvas.draw(columnLabels.first, in: axis, alignment: .left, style: Style(fg: .muted))
            if DisplayWidth.of(columnLabels.first) + DisplayWidth.of(columnLabels.last) < gridWidth {
                canvas.draw(columnLabels.last, in: axis, alignment: .right, style: Style(fg: .muted))
            }
        }
    }

    /// The best point wins when it is also the current one: the star says more.
    private func marker(row: Int, column: Int) -> Character? {
        if let best, best.row == row, best.column == column { return "★" }
        if let current, current.row == row, current.column == column { return "●" }
        return nil
    }
}
