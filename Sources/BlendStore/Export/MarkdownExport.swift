/// A GitHub-flavoured Markdown table: titles as the header, numbers right-aligned and rounded.
enum MarkdownExport {
    static func render(_ table: ExportTable) -> String {
        let table = table.mergingIntervals()
        let header = table.columns.map { cell($0.title) }
        let rule = table.columns.map { $0.isNumeric ? "---:" : ":---" }
        var lines = [line(header), line(rule)]
        for row in table.rows {
            lines.append(line(zip(table.columns, row).map { column, value in
                cell(value.display(places: places(column)) ?? "–")
            }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func places(_ column: ExportColumn) -> Int {
        if case .number(let p) = column.kind { return p }
        return 3
    }

    private static func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// A pipe would end the cell and a line break the row.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
