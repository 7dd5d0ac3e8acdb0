import BlendCore

/// A LaTeX table with booktabs rules (`\usepackage{booktabs}`) that fits the page it is made
/// for (`ExportOptions.width`: a one-column `article`'s 345 pt, or a 252 pt column): `l`
/// columns for text, `r` for numbers in the paper's style (`.207`, `.207 [.188, .226]`), long
/// text wrapped in `p` columns, headers broken at spaces. The font size and column gap are the
/// largest whose estimated width fits (`LaTeXWidth`); a table that fits at none is set in
/// column groups, the key column repeated. More than `longRows` rows break across pages: a
/// `longtable` at text width, a run of tabulars at column width (longtable refuses
/// two-column mode). The title is the caption, `tab:NAME` the label, unless given.
enum LaTeXExport {
    /// Tables longer than this break across pages.
    static let longRows = 40

    static func render(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> String {
        var table = table.mergingIntervals()
        var legend: String?
        if table.name == "confusion" { (table, legend) = compactLabels(table) }
        let columns = LaTeXColumns(table, width: options.width)
        let layout = columns.layout()
        let long = table.rows.count > longRows
        var lines = ["% blendscope export · needs \\usepackage{booktabs}" + (long && options.width == .text ? " and \\usepackage{longtable}" : "")]
        lines += (options.provenance?.lines ?? []).map { "% " + $0 }
        let caption = escape(options.caption ?? table.title)
        let label = "\\label{\(options.label.map(labelText) ?? "tab:" + table.name)}"
        let setup = (layout.size.command.map { ["  " + $0] } ?? []) + ["  \\setlength{\\tabcolsep}{\(points(layout.gap))}"]
        let legendLines = legend.map { ["  \\par\\smallskip", "  {\\scriptsize \(escape($0))\\par}"] } ?? []
        switch (long, options.width) {
        case (false, _):
            lines += ["\\begin{table}[tbp]", "  \\centering", "  \\caption{\(caption)}", "  " + label] + setup
            for (n, group) in layout.groups.enumerated() {
                if n > 0 { lines.append("  \\par\\medskip") }
                lines += tabular(columns, group, rows: table.rows.indices)
            }
            lines += legendLines + ["\\end{table}"]
        case (true, .text):
            lines += ["\\begingroup"] + setup + ["  \\setlength{\\LTcapwidth}{\\linewidth}"]
            for (n, group) in layout.groups.enumerated() {
                lines += longtable(columns, group, caption: n == 0 ? "\\caption{\(caption)}" + label : nil)
            }
            if !legendLines.isEmpty { lines += ["  \\begin{center}"] + legendLines + ["  \\end{center}"] }
            lines += ["\\endgroup"]
        case (true, .column):
            // A caption by hand: `\caption` works only in a float, which cannot break.
            lines += ["\\begingroup"] + setup
                + ["  \\par\\noindent\\refstepcounter{table}\(label)\\tablename~\\thetable: \(caption)\\par"]
            for group in layout.groups {
                for start in stride(from: 0, to: table.rows.count, by: longRows) {
                    lines += ["  \\par\\medskip\\noindent"]
                        + tabular(columns, group, rows: start..<min(start + longRows, table.rows.count)) + ["  \\par"]
                }
            }
            lines += legendLines + ["\\endgroup"]
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every row's cells as the renderer writes them, all columns in order (whatever groups
    /// the layout makes): what tests compare against the other formats.
    static func cells(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> [[String]] {
        var table = table.mergingIntervals()
        if table.name == "confusion" { table = compactLabels(table).0 }
        let columns = LaTeXColumns(table, width: options.width)
        let all = Array(table.columns.indices)
        return table.rows.indices.map { r in all.map { columns.row(r, [$0]) } }
    }

    /// A `tabular` of `group`'s columns over `rows`.
    private static func tabular(_ columns: LaTeXColumns, _ group: [Int], rows: Range<Int>) -> [String] {
        ["  \\begin{tabular}{\(columns.spec(group))}", "    \\toprule", "    " + columns.header(group) + " \\\\",
         "    \\midrule"]
            + rows.map { "    " + columns.row($0, group) + " \\\\" }
            + ["    \\bottomrule", "  \\end{tabular}"]
    }

    /// A `longtable` of `group`'s columns over every row, its header on every page.
    private static func longtable(_ columns: LaTeXColumns, _ group: [Int], caption: String?) -> [String] {
        let header = ["    \\toprule", "    " + columns.header(group) + " \\\\", "    \\midrule"]
        var lines = ["  \\begin{longtable}{\(columns.spec(group))}"]
        if let caption { lines += ["    " + caption + "\\\\"] + header + ["    \\endfirsthead"] }
        lines += header + ["    \\endhead", "    \\bottomrule", "    \\endfoot"]
        lines += columns.rowIndices.map { "    " + columns.row($0, group) + " \\\\" }
        return lines + ["  \\end{longtable}"]
    }

    /// `3.0pt`, `1.5pt`.
    static func points(_ x: Double) -> String { NumberText.fixed(x, places: 1) + "pt" }

    /// A label as given, with only the characters `\label` takes safely.
    private static func labelText(_ text: String) -> String {
        String(text.filter { $0.isASCII && ($0.isLetter || $0.isNumber || ":-_.".contains($0)) })
    }

    /// The confusion table with one-letter class names (`a+d` for anger and disgust) and the
    /// legend that spells them out.
    static func compactLabels(_ table: ExportTable) -> (ExportTable, String) {
        func short(_ text: String) -> String {
            let parts = text.split(separator: "+").map { Emotion(code: String($0)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else { return text }
            return parts.compactMap { $0.map { String($0.title.prefix(1)) } }.joined(separator: "+")
        }
        let columns = table.columns.map { ExportColumn($0.key, short($0.title), $0.kind) }
        let rows = table.rows.map { row in
            row.map { value -> ExportValue in
                if case .text(let s) = value { return .text(short(s)) }
                return value
            }
        }
        let names = Emotion.allCases.map { "\(String($0.title.prefix(1))) \($0.title)" }.joined(separator: ", ")
        let legend = "Rows: true label set; columns: predicted. \(names); a+d: anger and disgust both present."
        return (ExportTable(name: table.name, title: table.title, columns: columns, rows: rows), legend)
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
            case "−": out += "$-$"
            case "–": out += "--"
            case "—": out += "---"
            case "\n", "\t": out += " "
            default: out.append(ch)
            }
        }
        return out
    }
}
