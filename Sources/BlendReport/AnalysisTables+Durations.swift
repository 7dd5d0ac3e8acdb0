import BlendCore

extension AnalysisTables {
    /// One row per duration bin: label kinds, metrics at the report's α/β, the bin's best β,
    /// salience errors and the median top-two margin. Shares of nothing (an empty bin, ACC_S
    /// of a bin without blends, a bin without found pairs) are missing, not 0.
    public static func durations(_ r: DurationReport, source: String, scope: String) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        let seconds = ExportColumn.Kind.number(places: 2)
        let columns = [
            ExportColumn("bin", nil, .text), ExportColumn("lower_s", "from (s)", seconds),
            ExportColumn("upper_s", "to (s)", seconds), ExportColumn("clips", nil, .count),
            ExportColumn("singles", nil, .count), ExportColumn("even_blends", "50/50", .count),
            ExportColumn("uneven_blends", "70/30", .count), ExportColumn("blend_share", "blend share", rate),
            ExportColumn("acc_presence", "ACC_P", rate), ExportColumn("acc_salience", "ACC_S", rate),
            ExportColumn("score", "Score", rate), ExportColumn("best_beta", "β*", th),
            ExportColumn("acc_salience_at_best_beta", "ACC_S at β*", rate),
            ExportColumn("salience_error_share", "salience errors", rate),
            ExportColumn("reversed_share", "70/30 reversed", rate),
            ExportColumn("median_margin", "median margin", .number(places: 2)),
        ]
        func optional(_ x: Double?) -> ExportValue { x.map(ExportValue.number) ?? .missing }
        let rows = r.bins.map { b -> [ExportValue] in
            [.text(b.range), optional(b.lower), optional(b.upper), .integer(b.count), .integer(b.singles),
             .integer(b.evenBlends), .integer(b.unevenBlends), b.count == 0 ? .missing : .number(b.blendShare),
             b.count == 0 ? .missing : .number(b.metrics.accPresence), b.blends == 0 ? .missing : .number(b.metrics.accSalience),
             b.count == 0 ? .missing : .number(b.metrics.score),
             optional(b.bestBeta), optional(b.metricsAtBestBeta?.accSalience),
             b.pairFound == 0 ? .missing : .number(b.salienceErrorShare),
             b.unevenPairFound == 0 ? .missing : .number(b.reversedShare), optional(b.margins.median)]
        }
        let n = r.withoutDuration.count
        let left = n == 0 ? "" : "; \(n) clip\(n == 1 ? "" : "s") without a duration left out"
        return ExportTable(name: "durations",
                           title: "\(source) by clip duration (\(scope), α \(threshold(r.thresholds.alpha)), β \(threshold(r.thresholds.beta)), β* at that α\(left))",
                           columns: columns, rows: rows)
    }
}
