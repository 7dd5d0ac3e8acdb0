/// A true × predicted table in which every cell knows its clips.
public struct ConfusionTable<Category: Hashable & Sendable & Encodable>: Hashable, Sendable, Encodable {
    /// True categories, one per row.
    public let rows: [Category]
    /// Predicted categories, one per column.
    public let columns: [Category]
    /// Row-major: the indices of the clips in each cell, ascending.
    public let cells: [[Int]]

    public init(rows: [Category], columns: [Category], cells: [[Int]]) {
        precondition(cells.count == rows.count * columns.count, "one cell per row and column expected")
        self.rows = rows
        self.columns = columns
        self.cells = cells
    }

    public func clips(row: Int, column: Int) -> [Int] { cells[row * columns.count + column] }

    public func count(row: Int, column: Int) -> Int { clips(row: row, column: column).count }

    public func rowTotal(_ row: Int) -> Int { columns.indices.reduce(0) { $0 + count(row: row, column: $1) } }

    public func columnTotal(_ column: Int) -> Int { rows.indices.reduce(0) { $0 + count(row: $1, column: column) } }

    public var total: Int { cells.reduce(0) { $0 + $1.count } }

    /// The cell's share of its row (row-normalised rate); 0 for an empty row.
    public func rate(row: Int, column: Int) -> Double {
        Metrics.share(count(row: row, column: column), of: rowTotal(row))
    }
}
