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

    init(_ key: String, _ column: TableColumn, places: Int = 3, leadingZero: Bool = false) {
        self.key = key
        self.column = column
        self.places = places
        self.leadingZero = leadingZero
    }
}

/// A report as a screen shows it: the rows the CLI and every export render (`AnalysisTables`),
/// projected onto the screen's columns, each number through `Format` (that is, `NumberText`),
/// so the screen and the exports show the same figures.
struct ReportColumns {
    let table: ExportTable
    let columns: [ReportColumn]

    /// `report`'s `columns`, its rows at `rows` (all when nil).
    init(_ report: ExportTable, _ columns: [ReportColumn], rows: Range<Int>? = nil) {
        table = report.projected(columns.map { ViewColumn($0.key, $0.column.title, .point) }, rows: rows)
        self.columns = columns
    }

    var tableColumns: [TableColumn] { columns.map(\.column) }
    var rowCount: Int { table.rows.count }

    /// Row `row`'s cells as text: words as they are, counts whole, numbers rounded, `–` for none.
    func cells(_ row: Int) -> [String] {
        zip(table.rows[row], columns).map { value, column in
            switch value {
            case .text(let s), .figure(let s): s
            case .integer(let n): String(n)
            case .number(let x): Format.decimal(x, digits: column.places, leadingZero: column.leadingZero)
            case .missing: "–"
            }
        }
    }
}
