/// How wide a table column is.
public enum ColumnWidth: Hashable, Sendable {
    case fixed(Int)
    /// A share of the width the fixed columns leave, by weight.
    case fill(Int)
}

/// A column of a `Table`.
public struct TableColumn: Hashable, Sendable {
    public var title: String
    public var width: ColumnWidth
    public var alignment: Alignment

    public init(_ title: String, width: ColumnWidth, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A virtual table: a header, then only the rows that are visible, asked for one by one
/// through `row`, so the cost is the same for 30 rows and 100,000. Selection and scrolling
/// come from a `TableScroll` in app state; the selected row is always drawn in view.
/// A scrollbar appears on the right when the rows do not all fit.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The cells of one row, one span per column (a span's style colours that cell).
    public var row: (Int) -> [Span]
    public var scroll: TableScroll
    public var focused: Bool
    /// Shown instead of rows when there are none.
    public var emptyMessage: String
    /// Prefix for hit regions: row `i` is clickable as `"\(regionID):\(i)"`, column
    /// header `c` as `"\(regionID).header:\(c)"` (to sort by it).
    public var regionID: String?
    /// The column the rows are sorted by, marked ▲ (ascending) or ▼ in its header.
    public var sortColumn: Int?
    public var sortAscending: Bool

    public init(columns: [TableColumn], rowCount: Int, scroll: TableScroll, focused: Bool = true,
                emptyMessage: String = "nothing to show", regionID: String? = nil, sortColumn: Int? = nil,
                sortAscending: Bool = true, row: @escaping (Int) -> [Span]) {
        self.sortColumn = sortColumn
        self.sortAscending = sortAscending
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.scroll = scroll
        self.focused = focused
        self.emptyMessage = emptyMessage
        self.regionID = regionID
    }

    /// Rows that fit below the header in `area`.
    public static func visibleRows(in area: Rect) -> Int { max(0, area.height - 1) }

    /// The first row drawn in `area` for this table's scroll state.
    public func firstVisibleRow(in area: Rect) -> Int {
        TableScroll.offset(keeping: scroll.selected, from: scroll.offset,
                           visibleRows: Table.visibleRows(in: area), rowCount: rowCount)
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.height >= 1, area.width >= 1 else { return }
        let visible = Table.visibleRows(in: area)
        let needsScrollbar = rowCount > visible && visible > 0 && area.width > 2
        let body = Rect(x: area.x, y: area.y, width: area.width - (needsScrollbar ? 1 : 0), height: area.height)
        let cells = columnRects(in: body.row(0))

        for (index, (column, rect)) in zip(columns, cells).enumerated() {
            let sorted = index == sortColumn
            let title = sorted ? column.title + (sortAscending ? "▲" : "▼") : column.title
            canvas.draw(title, in: rect, alignment: column.alignment, style: Style(fg: sorted ? .accent : .muted, .bold))
            if let regionID { canvas.markRegion(rect, id: "\(regionID).header:\(index)") }
        }
        guard rowCount > 0 else {
            canvas.draw(emptyMessage, x: body.x, y: body.y + 1, maxWidth: body.width, style: Style(fg: .muted), clip: body)
            return
        }
        let first = firstVisibleRow(in: area)
        let last = min(rowCount, first + visible)
        for index in first..<last {
            let y = body.y + 1 + index - first
            let spans = row(index)
            let rowRect = Rect(x: body.x, y: y, width: body.width, height: 1)
            let selected = index == scroll.selected
            if selected {
                let style = focused ? Style(fg: .selectionText, bg: .selection, .bold) : Style(bg: .selection)
                canvas.fill(rowRect, style: style)
            }
            for (i, rect) in cells.enumerated() where i < spans.count {
                let shifted = Rect(x: rect.x, y: y, width: rect.width, height: 1)
                canvas.draw(spans[i].text, in: shifted, alignment: columns[i].alignment, style: spans[i].style)
            }
            if let regionID { canvas.markRegion(rowRect, id: "\(regionID):\(index)") }
        }
        if needsScrollbar {
            drawScrollbar(into: &canvas, x: area.maxX - 1, top: area.y + 1, height: visible, first: first)
        }
    }

    /// Column rectangles, one cell apart.
    private func columnRects(in row: Rect) -> [Rect] {
        let constraints = columns.map { column -> Constraint in
            switch column.width {
            case .fixed(let n): .fixed(n)
            case .fill(let weight): .fill(weight)
            }
        }
        return row.split(.horizontal, constraints, spacing: 1)
    }

    /// A thumb whose size and place show which part of the rows is in view.
    private func drawScrollbar(into canvas: inout Canvas, x: Int, top: Int, height: Int, first: Int) {
        let thumb = max(1, height * height / max(rowCount, 1))
        let maxStart = height - thumb
        let start = rowCount > height ? Int((Double(first) / Double(rowCount - height) * Double(maxStart)).rounded()) : 0
        for y in 0..<height {
            let onThumb = y >= start && y < start + thumb
            canvas.put(onThumb ? "┃" : "│", x: x, y: top + y, style: Style(fg: onThumb ? .accent : .border))
        }
    }
}
