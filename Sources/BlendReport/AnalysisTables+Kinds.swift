import BlendCore

extension AnalysisTables {
    /// ACC_P and ACC_S per label kind (single emotions, 50/50 and 70/30 blends) at one pair of
    /// thresholds: where the rule loses its points. A kind without clips is left out; single
    /// emotions have no ACC_S (β only decides blends).
    public static func kinds(_ metrics: [Label.Kind: Metrics], source: String, scope: String,
                             thresholds t: Thresholds) -> ExportTable {
        let columns = [
            ExportColumn("kind", nil, .text), ExportColumn("clips", nil, .count),
            ExportColumn("acc_presence", "ACC_P", .rate), ExportColumn("acc_salience", "ACC_S", .rate),
        ]
        let rows = Label.Kind.allCases.compactMap { kind -> [ExportValue]? in
            guard let m = metrics[kind], m.clips > 0 else { return nil }
            return [.text(kind.rawValue), .integer(m.clips), .number(m.accPresence),
                    m.blends > 0 ? .number(m.accSalience) : .missing]
        }
        return ExportTable(name: "kinds", title: "ACC_P and ACC_S per label kind of \(source) (\(scope), \(at(t)))",
                           columns: columns, rows: rows)
    }
}
