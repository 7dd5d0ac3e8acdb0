import BlendCore

/// One encoder at its own best thresholds (official grid, training split), as `open` lists it
/// and the workbench's Overview shows it.
public struct EncoderBestRow: Sendable {
    /// Labels `encoder`, `modality` (its stored name), `source`, `group` (`train`), the cell
    /// and its intervals.
    public let best: BestCellRow
    /// The modality's short code for narrow tables (`V`, `A`, …).
    public let modalityCode: String
    /// Clips the encoder has probabilities for.
    public let clips: Int
    /// Those clips as a share of the project's labelled clips (nil when the project has none).
    public let coverage: Double?

    public init(name: String, modality: String, modalityCode: String, source: String, clips: Int, labelledClips: Int,
                cell: SweepCell, intervals: MetricIntervals?) {
        best = BestCellRow(labels: [name, modality, source, "train"], cell: cell, intervals: intervals)
        self.modalityCode = modalityCode
        self.clips = clips
        coverage = labelledClips > 0 ? Double(clips) / Double(labelledClips) : nil
    }
}

extension AnalysisTables {
    /// The encoders-at-own-best table: `encoder`, `modality`, `source`, `group` (always
    /// `train`), then `bestCells`' α*, β*, ACC_P, ACC_S, Score (with `clips`/`blends` counted at
    /// the cell and, when any row has them, the intervals with `resampled` and `units`), and last
    /// `modality_code`, `probabilities` (clips with probabilities) and `coverage`.
    public static func encodersAtOwnBest(_ rows: [EncoderBestRow]) -> ExportTable {
        let cells = bestCells(rows.map(\.best), labels: ["encoder", "modality", "source", "group"], name: "open_encoders",
                              title: "Encoders at their own best thresholds (official grid, training split)")
        let columns = cells.columns + [
            ExportColumn("modality_code", "mod", .text), ExportColumn("probabilities", nil, .count),
            ExportColumn("coverage", nil, .rate),
        ]
        let values = zip(cells.rows, rows).map { values, r in
            values + [.text(r.modalityCode), .integer(r.clips), r.coverage.map(ExportValue.number) ?? .missing]
        }
        return ExportTable(name: cells.name, title: cells.title, columns: columns, rows: values)
    }

    /// The columns of `encodersAtOwnBest` that `open`'s `--json` rows never held (each encoder's
    /// object names them itself, or they are new).
    public static let encodersAtOwnBestDescriptive: Set<String> = ["encoder", "modality", "source", "modality_code",
                                                                    "probabilities", "coverage"]
}
