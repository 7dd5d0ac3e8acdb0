import BlendCore
import Foundation

/// The CLI's aligned text tables: columns two spaces apart, numbers on the right.
public enum TextTable {
    /// `header` and `rows` padded to their widest cell; the columns in `rightAligned` on the
    /// right, the others on the left; each line without trailing blanks.
    public static func render(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        // Escaped before measuring, so a clip name with controls keeps the columns aligned.
        let rows = rows.map { $0.map { SafeText.terminal($0, keepingLineBreaks: false) } }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func format(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: max(0, widths[i] - cell.count))
                return rightAligned.contains(i) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return ([format(header)] + rows.map(format)).joined(separator: "\n")
    }

    /// A report as the CLI prints it: column titles as the header, numbers right-aligned and
    /// rounded to their column's places in the CLI's style (`ReportText.short`), intervals
    /// folded into their column (`.207 [.188, .226]`), missing values as `–`. No final line break.
    public static func render(_ table: ExportTable) -> String {
        let (header, rows, numeric) = cells(table)
        return render(header, rows, rightAligned: numeric)
    }

    /// The header, the cells and the right-aligned columns `render` lays out.
    static func cells(_ table: ExportTable) -> (header: [String], rows: [[String]], numeric: Set<Int>) {
        let table = table.mergingIntervals(short: ReportText.short)
        let rows = table.rows.map { row in
            zip(table.columns, row).map { column, value -> String in
                switch value {
                case .figure(let text), .text(let text): text
                case .integer(let i): String(i)
                case .number(let x): x.isFinite ? ReportText.short(x, column.places) : "–"
                case .missing: "–"
                }
            }
        }
        let numeric = Set(table.columns.indices.filter { table.columns[$0].isNumeric })
        return (table.columns.map(\.title), rows, numeric)
    }
}
