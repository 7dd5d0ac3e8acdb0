import BlendCore

/// One source at the thresholds it is reported at, with the actor bootstrap's intervals.
public struct SourceAtThresholds: Sendable, Hashable {
    /// `encoder HiCMAE`, `fusion late`.
    public let source: String
    public let thresholds: Thresholds
    /// How the thresholds were chosen (`best on train`, `stored with the fusion`).
    public let chosen: String
    public let metrics: Metrics
    public let intervals: MetricIntervals

    public init(source: String, thresholds: Thresholds, chosen: String, metrics: Metrics, intervals: MetricIntervals) {
        self.source = source
        self.thresholds = thresholds
        self.chosen = chosen
        self.metrics = metrics
        self.intervals = intervals
    }
}

extension AnalysisTables {
    /// Every source at its own thresholds over `scope`: ACC_P, ACC_S and Score with intervals.
    public static func sources(_ rows: [SourceAtThresholds], scope: String) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        var columns = [
            ExportColumn("source", nil, .text), ExportColumn("alpha", "α", th), ExportColumn("beta", "β", th),
            ExportColumn("chosen", "thresholds", .text), ExportColumn("clips", nil, .count),
        ]
        for (key, title) in [("acc_p", "ACC_P"), ("acc_s", "ACC_S"), ("score", "Score")] {
            columns.append(ExportColumn(key, title, rate))
            columns += ExportColumn.bounds(of: key, title, rate)
        }
        let body = rows.map { r -> [ExportValue] in
            var row: [ExportValue] = [.text(r.source), .number(r.thresholds.alpha), .number(r.thresholds.beta), .text(r.chosen),
                                      .integer(r.metrics.clips)]
            for (x, i) in [(r.metrics.accPresence, r.intervals.accPresence), (r.metrics.accSalience, r.intervals.accSalience),
                           (r.metrics.score, r.intervals.score)] {
                row.append(.number(x))
                row += ExportValue.bounds(i)
            }
            return row
        }
        return ExportTable(name: "sources", title: "Every source at its thresholds (\(scope)); intervals: actor bootstrap", columns: columns,
                           rows: body)
    }
}
