import BlendReport

/// A screen table's column read from a report: which report column (by key), the header and
/// width the screen gives it, and how many places its numbers show there.
struct ReportColumn {
    let key: String
    let column: TableColumn
    /// Decimal places of a number in this column (the screens are narrower than the exports).
    let places: Int
    /// `0.20` rather than `.20`.
    let leadingZero: Bool
    /// The column shows the key's interval, `[lo, hi]` from the report's `KEY_lo` and `KEY_hi`
    /// (`[…]` while the report has none: its intervals are still being computed).
    let interval: Bool

    init(_ key: String, _ column: TableColumn, places: Int = 3, leadingZero: Bool = false, interval: Bool = false) {
        self.key = key
        self.column = column
        self.places = places
        self.leadingZero = leadingZero
        self.interval = interval
    }
}

/// A report as a screen shows it: the rows the CLI and every export render (`AnalysisTables`),
/// projected onto the screen's columns, each number through `Format` (that is, `NumberText`),
/// so the screen and the exports show the same figures.
struct ReportColumns {
    let table: ExportTable
    let columns: [ReportColumn]

    /// `report`'s `columns`, its rows at `rows` (all when nil).
    /// Per column, whether its interval's bounds were projected (two values, not one).
    private let bounded: [Bool]

    init(_ report: ExportTable, _ columns: [ReportColumn], rows: Range<Int>? = nil) {
        let keys = Set(report.columns.map(\.key))
        bounded = columns.map { $0.interval && keys.contains($0.key + "_lo") && keys.contains($0.key + "_hi") }
        let views = zip(columns, bounded).flatMap { column, bounded -> [ViewColumn] in
            guard column.interval else { return [ViewColumn(column.key, column.column.title, .point)] }
            return bounded ? [ViewColumn(column.key + "_lo", "lo", .point), ViewColumn(column.key + "_hi", "hi", .point)] : []
        }
        table = report.projected(views, rows: rows)
        self.columns = columns
    }

    var tableColumns: [TableColumn] { columns.map(\.column) }
    var rowCount: Int { table.rows.count }

    /// Row `row`'s cells as text: words as they are, counts whole, numbers rounded, `–` for none.
    func cells(_ row: Int) -> [String] {
        var values = table.rows[row][...]
        return zip(columns, bounded).map { column, bounded in
            guard column.interval else { return values.popFirst().map { text($0, column) } ?? "–" }
            guard bounded, let lo = values.popFirst(), let hi = values.popFirst() else { return "[…]" }
            guard case .number = lo, case .number = hi else { return "–" }
            return "[\(text(lo, column)), \(text(hi, column))]"
        }
    }

    private func text(_ value: ExportValue, _ column: ReportColumn) -> String {
        switch value {
        case .text(let s), .figure(let s): s
        case .integer(let n): String(n)
        case .number(let x): Format.decimal(x, digits: column.places, leadingZero: column.leadingZero)
        case .missing: "–"
        }
    }
}
