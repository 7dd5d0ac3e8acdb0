import BlendCore

extension AnalysisTables {
    /// A paired comparison: one row per metric with A, B, Δ = A − B, its interval and p;
    /// McNemar's test and the clips only one source gets right in the caption.
    public static func compare(_ c: PairedComparison, a: String, at ta: Thresholds, b: String, at tb: Thresholds,
                               scope: String) -> ExportTable {
        let rate = ExportColumn.Kind.rate
        let columns = [
            ExportColumn("metric", nil, .text), ExportColumn("a", "A", rate), ExportColumn("b", "B", rate),
            ExportColumn("delta", "Δ = A − B", rate), ExportColumn("p_value", "p", rate),
        ] + ExportColumn.bounds(of: "delta", "Δ", rate)
        let metrics: [(String, Double, Double, Double, Double, Interval)] = [
            ("acc_presence", c.a.accPresence, c.b.accPresence, c.delta.accPresence, c.pValue.accPresence, c.deltaInterval.accPresence),
            ("acc_salience", c.a.accSalience, c.b.accSalience, c.delta.accSalience, c.pValue.accSalience, c.deltaInterval.accSalience),
            ("score", c.a.score, c.b.score, c.delta.score, c.pValue.score, c.deltaInterval.score),
        ]
        let rows = metrics.map { m -> [ExportValue] in
            [.text(m.0), .number(m.1), .number(m.2), .number(m.3), .number(m.4)] + ExportValue.bounds(m.5)
        }
        let title = "A \(a) (\(at(ta))) against B \(b) (\(at(tb))) over the \(c.clips) clips of \(scope) both have, "
            + "\(c.actors) actors · \(intervalNote(c.settings)) drawn alike for both · presence right for one only: "
            + "\(c.onlyARight) A, \(c.onlyBRight) B, McNemar exact p \(NumberText.fixed(c.mcnemarP, places: 3))"
        return ExportTable(name: "compare", title: title, columns: columns, rows: rows)
    }
}
