/// Selection and scroll position of a list or table, kept in app state. The numbers are
/// indices into the full row set, so 100,000 rows cost no more than 30.
public struct TableScroll: Hashable, Sendable {
    /// The selected row, or nil when nothing is (an empty list).
    public var selected: Int?
    /// The first visible row.
    public var offset: Int

    public init(selected: Int? = 0, offset: Int = 0) {
        self.selected = selected
        self.offset = offset
    }

    /// Moves the selection by `delta` rows (negative is up), clamped to the rows, and scrolls
    /// just enough to keep it in view.
    public mutating func move(by delta: Int, rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            self = TableScroll(selected: nil, offset: 0)
            return
        }
        let current = selected ?? (delta >= 0 ? -1 : rowCount)
        select(current + delta, rowCount: rowCount, visibleRows: visibleRows)
    }

    /// Selects `row` (clamped) and scrolls it into view.
    public mutating func select(_ row: Int, rowCount: Int, visibleRows: Int) {
        guard rowCount > 0 else {
            self = TableScroll(selected: nil, offset: 0)
            return
        }
        let clamped = min(max(row, 0), rowCount - 1)
        selected = clamped
        offset = TableScroll.offset(keeping: clamped, from: offset, visibleRows: visibleRows, rowCount: rowCount)
    }

    /// Moves by a page (the visible rows less one, so one row of context stays).
    public mutating func page(_ direction: Int, rowCount: Int, visibleRows: Int) {
        move(by: direction * max(1, visibleRows - 1), rowCount: rowCount, visibleRows: visibleRows)
    }

    /// The first visible row that keeps `row` in view, moving as little as possible from
    /// `current`, and never leaving empty space below the last row.
    public static func offset(keeping row: Int?, from current: Int, visibleRows: Int, rowCount: Int) -> Int {
        let visible = max(1, visibleRows)
        var offset = min(max(0, current), max(0, rowCount - visible))
        if let row {
            if row < offset { offset = row }
            if row >= offset + visible { offset = row - visible + 1 }
        }
        return max(0, offset)
    }
}
