import BlendCore

/// One best cell of a table of them: a sweep's group, an encoder at its own best.
public struct BestCellRow: Sendable {
    /// One text per label column of the table (`group`; `encoder`, `modality`, …).
    public let labels: [String]
    public let cell: SweepCell
    /// The cell's actor-bootstrap intervals at its thresholds, when computed.
    public let intervals: MetricIntervals?
    /// What each replicate draws (`actors`, `clips`), beside `intervals`.
    public let resampled: String

    public init(labels: [String], cell: SweepCell, intervals: MetricIntervals?, resampled: String = "actors") {
        self.labels = labels
        self.cell = cell
        self.intervals = intervals
        self.resampled = resampled
    }
}

extension AnalysisTables {
    /// Best cells, one row each: the label columns, α*, β*, the metrics there with the clips
    /// and blends they count and, when any row has them, their intervals at the cell's
    /// thresholds beside what each replicate resamples (`resampled`) and how many (`units`).
    public static func bestCells(_ rows: [BestCellRow], labels: [String], name: String, title: String) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        let intervals = rows.contains { $0.intervals != nil }
        let columns = labels.map { ExportColumn($0, nil, .text) } + [
            ExportColumn("alpha", "α*", th), ExportColumn("beta", "β*", th),
            ExportColumn("acc_presence", "ACC_P", rate), ExportColumn("acc_salience", "ACC_S", rate),
            ExportColumn("score", "Score", rate), ExportColumn("clips", nil, .count), ExportColumn("blends", nil, .count),
        ] + (!intervals ? [] : ExportColumn.bounds(of: "acc_presence", "ACC_P", rate)
             + ExportColumn.bounds(of: "acc_salience", "ACC_S", rate) + ExportColumn.bounds(of: "score", "Score", rate)
             + [ExportColumn("resampled", nil, .text), ExportColumn("units", nil, .count)])
        let values = rows.map { r -> [ExportValue] in
            let (t, m, i) = (r.cell.thresholds, r.cell.metrics, r.intervals)
            return r.labels.map(ExportValue.text) + [
                .number(t.alpha), .number(t.beta), .number(m.accPresence), .number(m.accSalience), .number(m.score),
                .integer(m.clips), .integer(m.blends),
            ] + (!intervals ? [] : ExportValue.bounds(i?.accPresence) + ExportValue.bounds(i?.accSalience)
                 + ExportValue.bounds(i?.score) + [i == nil ? .missing : .text(r.resampled), i.map { .integer($0.units) } ?? .missing])
        }
        let note = rows.lazy.compactMap(\.intervals).first.map { " · \(intervalNote($0.settings)), thresholds held fixed" } ?? ""
        return ExportTable(name: name, title: title + note, columns: columns, rows: values)
    }
}
