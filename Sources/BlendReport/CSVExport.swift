/// CSV as pandas reads it by default: a header of column keys, commas, `.` decimals, full
/// precision, empty fields for missing values, quotes only where a field needs them.
enum CSVExport {
    static func render(_ table: ExportTable) -> String {
        var lines = [table.columns.map { field($0.key) }.joined(separator: ",")]
        for row in table.rows {
            lines.append(row.map { field($0.fullPrecision ?? "") }.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// RFC 4180: a field with a comma, quote or line break is quoted and its quotes doubled.
    /// Leading or trailing spaces are quoted too, so no reader trims them away.
    static func field(_ text: String) -> String {
        let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
