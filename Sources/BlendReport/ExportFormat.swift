/// The formats `blendscope export` writes.
public enum ExportFormat: String, Sendable, CaseIterable, Hashable {
    /// Comma-separated with a header line, `.` decimals, RFC 4180 quoting: `pandas.read_csv`
    /// reads it without options.
    case csv
    /// A GitHub-flavoured Markdown table.
    case md
    /// A LaTeX `table` with booktabs rules, ready to `\input` into a paper.
    case tex
    /// An array of objects, one per row, keys in column order.
    case json

    /// The format a file name asks for (`.csv`, `.md`, `.markdown`, `.tex`, `.json`), if any.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "csv": self = .csv
        case "md", "markdown": self = .md
        case "tex": self = .tex
        case "json": self = .json
        default: return nil
        }
    }

    /// The whole file's text, ending in a line break.
    public func render(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> String {
        switch self {
        case .csv: CSVExport.render(table, options)
        case .md: MarkdownExport.render(table, options)
        case .tex: LaTeXExport.render(table, options)
        case .json: JSONExport.render(table, options)
        }
    }
}
