import BlendCore

/// A table's columns as LaTeX sets them: each cell's text for TeX and its estimated width, the
/// header broken into lines, long text wrapped; and the layout (font size, column gap, column
/// groups) that fits the page.
struct LaTeXColumns {
    struct Layout {
        let size: LaTeXWidth.Size
        /// `\tabcolsep`: half the gap between two columns, in points.
        let gap: Double
        /// Column indices per tabular; the key columns lead every group.
        let groups: [[Int]]
    }

    private let table: ExportTable
    private let target: Double
    /// Per column: cell text for TeX, by row.
    private let cells: [[String]]
    /// Per column: the header's lines (as people read them).
    private let headers: [[String]]
    /// Per column: the widest cell or header line at 10 pt.
    private let natural: [Double]
    /// Per column: the `p` width in points when its text wraps.
    private let wrap: [Double?]

    var rowIndices: Range<Int> { table.rows.indices }

    /// The size and gap pairs tried in turn, largest first.
    private static let ladder: [(LaTeXWidth.Size, Double)] = [
        (.normal, 6), (.normal, 4), (.small, 4), (.small, 3), (.footnote, 3), (.footnote, 2), (.script, 2), (.script, 1.5),
    ]

    init(_ table: ExportTable, width: TableWidth) {
        self.table = table
        // A margin for what the estimate misses (kerning, the optical sizes' rounding).
        let target = width.points * 0.95
        self.target = target
        var cells = [[String]](), headers = [[String]](), natural = [Double](), wrap = [Double?]()
        for (c, column) in table.columns.enumerated() {
            let dropZero = column.kind == .rate
                || (column.isNumeric && table.rows.allSatisfy { if case .number(let x) = $0[c] { abs(x) <= 1 } else { true } })
            let plain = table.rows.map { Self.plain($0[c], column, dropZero: dropZero) }
            let widest = plain.map(LaTeXWidth.points).max() ?? 0
            // Long text (an actor's explanation, a note) wraps in a `p` column.
            let wrapAt = max(target * 0.3, 72)
            let wraps = !column.isNumeric && column.kind != .clip && widest > wrapAt
            let words = column.title.split(separator: " ").map(String.init)
            let content = wraps ? wrapAt : max(widest, words.map(LaTeXWidth.points).max() ?? 0)
            let lines = Self.lines(words, within: content)
            headers.append(lines)
            natural.append(max(content, lines.map(LaTeXWidth.points).max() ?? 0))
            wrap.append(wraps ? wrapAt : nil)
            cells.append(table.rows.indices.map { r in
                let value = table.rows[r][c]
                var text: String
                if case .figure(let f) = value { text = f } else { text = plain[r] == "--" ? "--" : LaTeXExport.escape(plain[r]) }
                if wraps { text = "{\\raggedright " + text + "\\par}" }
                return text
            })
        }
        self.cells = cells
        self.headers = headers
        self.natural = natural
        self.wrap = wrap
    }

    /// A cell as people read it: numbers at the column's places (`.207` where the column
    /// holds rates), `--` for a missing value.
    private static func plain(_ value: ExportValue, _ column: ExportColumn, dropZero: Bool) -> String {
        switch value {
        case .number(let x):
            guard x.isFinite else { return "--" }
            return NumberText.fixed(x, places: column.places, leadingZero: !(dropZero && column.places <= 3))
        case .missing: return "--"
        default: return value.fullPrecision ?? "--"
        }
    }

    /// Words joined into lines no wider than `width` (a word wider than it stands alone).
    private static func lines(_ words: [String], within width: Double) -> [String] {
        var lines = [String]()
        for word in words {
            if let last = lines.last, LaTeXWidth.points(last + " " + word) <= width {
                lines[lines.count - 1] = last + " " + word
            } else {
                lines.append(word)
            }
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The estimated width of `group` set at `size` with `gap`.
    private func width(_ group: [Int], _ size: LaTeXWidth.Size, _ gap: Double) -> Double {
        group.reduce(0) { $0 + (wrap[$1] ?? natural[$1] * size.scale) + 2 * gap }
    }

    /// The largest size and gap at which the whole table fits; else column groups at
    /// `\footnotesize`, each as wide as fits, the key columns (up to the first text column)
    /// repeated in each.
    func layout() -> Layout {
        let all = Array(table.columns.indices)
        for (size, gap) in Self.ladder where width(all, size, gap) <= target {
            return Layout(size: size, gap: gap, groups: [all])
        }
        let (size, gap) = (LaTeXWidth.Size.footnote, 2.0)
        let keyCount = min(2, (table.columns.firstIndex { !$0.isNumeric } ?? 0) + 1, table.columns.count)
        let key = Array(all.prefix(keyCount))
        var groups = [[Int]](), current = key
        for c in all.dropFirst(keyCount) {
            if current.count > key.count && width(current + [c], size, gap) > target {
                groups.append(current)
                current = key
            }
            current.append(c)
        }
        groups.append(current)
        return Layout(size: size, gap: gap, groups: groups)
    }

    /// The column specification: `l`, `r` or `p{…pt}`.
    func spec(_ group: [Int]) -> String {
        group.map { c in
            if let w = wrap[c] { return "p{\(LaTeXExport.points(w.rounded(.down)))}" }
            return table.columns[c].isNumeric ? "r" : "l"
        }.joined()
    }

    /// The header row; a header of several lines is a nested tabular, aligned as its column.
    func header(_ group: [Int]) -> String {
        group.map { c in
            let lines = headers[c].map(LaTeXExport.escape)
            guard lines.count > 1 else { return lines.first ?? "" }
            let align = table.columns[c].isNumeric ? "r" : "l"
            return "\\begin{tabular}[b]{@{}\(align)@{}}" + lines.joined(separator: "\\\\{}") + "\\end{tabular}"
        }.joined(separator: " & ")
    }

    /// One row of `group`'s cells. A row starting with `[` would read as `\\[…]`'s length.
    func row(_ r: Int, _ group: [Int]) -> String {
        let text = group.map { cells[$0][r] }.joined(separator: " & ")
        return text.hasPrefix("[") ? "{}" + text : text
    }
}
