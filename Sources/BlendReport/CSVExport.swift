/// CSV as pandas reads it by default: a header of column keys, commas, `.` decimals, full
/// precision, empty fields for missing values, quotes only where a field needs them. The
/// provenance, when given, goes first as `# key: value` lines (`pandas.read_csv(f,
/// comment="#")`, R's `comment.char = "#"`), unless `options.comments` is off.
enum CSVExport {
    static func render(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> String {
        var lines = options.comments ? (options.provenance?.lines ?? []).map { "# " + $0 } : []
        lines.append(table.columns.map { field($0.key) }.joined(separator: ","))
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
