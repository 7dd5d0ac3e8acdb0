import BlendCore

extension AnalysisTables {
    /// One row per duration bin: label kinds, metrics at the report's α/β, the bin's best β,
    /// salience errors and the median top-two margin, then the counts those shares come from.
    /// Shares of nothing (an empty bin, ACC_S of a bin without blends, a bin without found
    /// pairs) are missing, not 0. With `intervals` (one per bin, nil for an empty one), the
    /// bins' ACC_P, ACC_S and Score intervals.
    public static func durations(_ r: DurationReport, source: String, scope: String,
                                 intervals: [MetricIntervals?]? = nil) -> ExportTable {
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
            // A margin |p1 − p2| is a difference of probabilities: three places, as the CLI prints it.
            ExportColumn("median_margin", "median margin", rate),
            ExportColumn("pairs_found", "pairs found", .count), ExportColumn("salience_errors", "salience-error blends", .count),
            ExportColumn("uneven_pairs_found", "70/30 pairs found", .count), ExportColumn("reversed", "reversed 70/30 blends", .count),
        ] + (intervals == nil ? [] : ExportColumn.bounds(of: "acc_presence", "ACC_P", rate)
             + ExportColumn.bounds(of: "acc_salience", "ACC_S", rate) + ExportColumn.bounds(of: "score", "Score", rate))
        func optional(_ x: Double?) -> ExportValue { x.map(ExportValue.number) ?? .missing }
        let rows = r.bins.enumerated().map { i, b -> [ExportValue] in
            let ci = intervals.map { $0.indices.contains(i) ? $0[i] : nil }
            return [.text(b.range), optional(b.lower), optional(b.upper), .integer(b.count), .integer(b.singles),
             .integer(b.evenBlends), .integer(b.unevenBlends), b.count == 0 ? .missing : .number(b.blendShare),
             b.count == 0 ? .missing : .number(b.metrics.accPresence), b.blends == 0 ? .missing : .number(b.metrics.accSalience),
             b.count == 0 ? .missing : .number(b.metrics.score),
             optional(b.bestBeta), optional(b.metricsAtBestBeta?.accSalience),
             b.pairFound == 0 ? .missing : .number(b.salienceErrorShare),
             b.unevenPairFound == 0 ? .missing : .number(b.reversedShare), optional(b.margins.median),
             .integer(b.pairFound), .integer(b.salienceErrors), .integer(b.unevenPairFound), .integer(b.reversed)]
                + (ci.map { ci in
                    ExportValue.bounds(ci?.accPresence) + ExportValue.bounds(ci?.accSalience) + ExportValue.bounds(ci?.score)
                } ?? [])
        }
        let n = r.withoutDuration.count
        let left = n == 0 ? "" : "; \(n) clip\(n == 1 ? "" : "s") without a duration left out"
        return ExportTable(name: "durations",
                           title: "\(source) by clip duration (\(scope), α \(threshold(r.thresholds.alpha)), β \(threshold(r.thresholds.beta)), β* at that α\(left))",
                           columns: columns, rows: rows)
    }
}
