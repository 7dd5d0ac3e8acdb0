import BlendCore

/// A LaTeX table with booktabs rules (`\usepackage{booktabs}`): `l` columns for text, `r` for
/// numbers rounded to the column's places, the title as caption, `tab:NAME` as label.
enum LaTeXExport {
    static func render(_ table: ExportTable) -> String {
        let table = table.mergingIntervals()
        let spec = table.columns.map { $0.isNumeric ? "r" : "l" }.joined()
        var lines = [
            "% blendscope export · needs \\usepackage{booktabs}",
            "\\begin{table}[t]",
            "  \\centering",
        ]
        // Wide tables (the 16 × 16 confusion table) need a smaller font to fit a column.
        if table.columns.count > 8 { lines.append("  \\small") }
        lines += [
            "  \\caption{\(escape(table.title))}",
            "  \\label{tab:\(table.name)}",
            "  \\begin{tabular}{\(spec)}",
            "    \\toprule",
            "    " + table.columns.map { escape($0.title) }.joined(separator: " & ") + " \\\\",
            "    \\midrule",
        ]
        for row in table.rows {
            let cells = zip(table.columns, row).map { column, value -> String in
                if case .figure(let text) = value { return text }
                return value.display(places: column.places).map(escape) ?? "--"
            }
            lines.append("    " + cells.joined(separator: " & ") + " \\\\")
        }
        lines += ["    \\bottomrule", "  \\end{tabular}", "\\end{table}"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// LaTeX's special characters, and the few symbols blendscope's titles use, as commands
    /// that compile without extra packages.
    static func escape(_ text: String) -> String {
        var out = ""
        // Controls and bidi overrides first become visible `\u{001B}` (whose backslash is then
        // escaped like any other); line breaks stay for the case below.
        for ch in SafeText.terminal(text.replacingOccurrences(of: "\r\n", with: "\n")) {
            switch ch {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(ch)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            // The default OT1 font encoding prints these three as other glyphs (—, ¡, ¿).
            case "|": out += "\\textbar{}"
            case "<": out += "\\textless{}"
            case ">": out += "\\textgreater{}"
            case "α": out += "$\\alpha$"
            case "β": out += "$\\beta$"
            case "Δ": out += "$\\Delta$"
            case "±": out += "$\\pm$"
            case "×": out += "$\\times$"
            case "≤": out += "$\\leq$"
            case "≥": out += "$\\geq$"
            case "→": out += "$\\rightarrow$"
            case "–": out += "--"
            case "—": out += "---"
            case "\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
