import BlendCore

extension ExportColumn {
    /// The two columns `KEY_lo`, `KEY_hi` that carry an interval of column `key` in CSV and
    /// JSON; Markdown and LaTeX fold them into that column as `.207 [.188, .226]`.
    public static func bounds(of key: String, _ title: String, _ kind: Kind) -> [ExportColumn] {
        [ExportColumn(key + "_lo", title + " low", kind), ExportColumn(key + "_hi", title + " high", kind)]
    }
}

extension ExportValue {
    /// An interval's two bounds, or two missing values.
    public static func bounds(_ interval: Interval?) -> [ExportValue] {
        guard let interval else { return [.missing, .missing] }
        return [.number(interval.lo), .number(interval.hi)]
    }
}

extension ExportTable {
    /// The table for people: every column `K` with `K_lo` and `K_hi` beside it anywhere shows
    /// `.207 [.188, .226]`, and the bound columns go. CSV and JSON keep the bounds as numbers.
    ///
    /// - Parameter short: the text of one number at a column's places; Markdown and LaTeX
    ///   write `-.012`, the CLI's text tables `-0.012` (`ReportText.short`).
    func mergingIntervals(short: (Double, Int) -> String = ExportTable.short) -> ExportTable {
        let keys = Dictionary(columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        var merged = [Int: (lo: Int, hi: Int)]()
        for (i, c) in columns.enumerated() {
            if let lo = keys[c.key + "_lo"], let hi = keys[c.key + "_hi"] { merged[i] = (lo, hi) }
        }
        guard !merged.isEmpty else { return self }
        let dropped = Set(merged.values.flatMap { [$0.lo, $0.hi] })
        let kept = columns.indices.filter { !dropped.contains($0) }
        let rows = rows.map { row in
            kept.map { i -> ExportValue in
                guard let (lo, hi) = merged[i], case .number(let x) = row[i] else { return row[i] }
                let places = columns[i].places
                guard case .number(let l) = row[lo], case .number(let h) = row[hi] else {
                    return .figure(short(x, places))
                }
                return .figure("\(short(x, places)) [\(short(l, places)), \(short(h, places))]")
            }
        }
        return ExportTable(name: name, title: title, columns: kept.map { columns[$0] }, rows: rows)
    }

    /// `0.207` → `.207`, `-0.012` → `-.012`, as accuracy tables print rates (three places or
    /// fewer); thresholds keep their `0.0974`.
    static func short(_ x: Double, _ places: Int) -> String {
        NumberText.fixed(x, places: places, leadingZero: places > 3)
    }
}
