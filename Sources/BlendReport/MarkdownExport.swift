import BlendCore

/// A GitHub-flavoured Markdown table: titles as the header, numbers right-aligned and rounded;
/// the provenance, when given, in an HTML comment before it (GitHub shows none of it).
enum MarkdownExport {
    static func render(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> String {
        let table = table.mergingIntervals()
        let header = table.columns.map { cell($0.title) }
        let rule = table.columns.map { $0.isNumeric ? "---:" : ":---" }
        var lines = options.provenance.map(comment) ?? []
        lines += [line(header), line(rule)]
        for row in table.rows {
            lines.append(line(zip(table.columns, row).map { column, value in
                if case .figure(let text) = value { return text }
                return cell(value.display(places: column.places) ?? "–")
            }))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `<!-- blendscope export` … `-->`: no line holds `--`, so no value can close it early.
    private static func comment(_ provenance: Provenance) -> [String] {
        ["<!-- blendscope export"] + provenance.lines.map { line in
            var text = line
            while text.contains("--") { text = text.replacingOccurrences(of: "--", with: "- -") }
            return text
        } + ["-->", ""]
    }

    private static func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }

    /// The text of one cell: a line break would end the row (a space instead); controls and
    /// bidi overrides show as `\x1b` (`SafeText`); a pipe would end the cell, and a backslash,
    /// backtick, `<`, `>`, `[` or `]` could start an escape, code, raw HTML or a link, so each
    /// is escaped with a backslash and reads as itself. (`*`, `_` and `~` only restyle text,
    /// and `#` means a heading only at the start of a line, which a cell never is.)
    static func cell(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        var out = ""
        for ch in SafeText.terminal(flat, keepingLineBreaks: false) {
            if "\\|`[]<>".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
