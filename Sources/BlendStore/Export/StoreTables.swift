import BlendCore
import BlendReport
import Foundation

/// The tables of what only the store holds (notes and tags, encoder summaries); the analysis
/// tables themselves are in BlendReport.
extension AnalysisTables {
    /// Notes and tags with their times (ISO 8601, UTC).
    public static func notes(_ annotations: [ClipAnnotation]) -> ExportTable {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let columns = [
            ExportColumn("clip", nil, .clip), ExportColumn("kind", nil, .text), ExportColumn("text", nil, .text),
            ExportColumn("created", nil, .text), ExportColumn("note_id", "id", .count),
        ]
        let rows = annotations.map { a -> [ExportValue] in
            [.text(a.clip), .text(a.kind.rawValue), .text(a.text), .text(formatter.string(from: a.created)),
             a.noteID.map { .integer(Int($0)) } ?? .missing]
        }
        return ExportTable(name: "notes", title: "Notes and tags on clips", columns: columns, rows: rows)
    }

    /// Encoders at their best thresholds over the training split (`score`, pooled over every
    /// training clip), the mean of each fold's own best (`fold_score`, optimistic) and of each
    /// fold scored at thresholds chosen on the others (`honest_score`), and their `gap`; with
    /// `intervals` (by encoder name), their `KEY_lo`/`KEY_hi` columns after the others.
    public static func encoders(_ summaries: [EncoderSummary], intervals: [String: EncoderIntervals]? = nil,
                                settings: BootstrapSettings? = nil) -> ExportTable {
        let rate = ExportColumn.Kind.rate, th = ExportColumn.Kind.threshold
        let columns = [
            ExportColumn("encoder", nil, .text), ExportColumn("modality", nil, .text), ExportColumn("source", nil, .text),
            ExportColumn("train_clips", "train clips", .count),
            ExportColumn("alpha", "α*", th), ExportColumn("beta", "β*", th),
            ExportColumn("acc_presence", "ACC_P", rate), ExportColumn("acc_salience", "ACC_S", rate),
            ExportColumn("score", "Score", rate), ExportColumn("fold_score", "fold Score", rate),
            ExportColumn("honest_score", "honest Score", rate), ExportColumn("gap", "gap", rate),
        ] + (intervals == nil ? [] : ExportColumn.bounds(of: "acc_presence", "ACC_P", rate)
             + ExportColumn.bounds(of: "acc_salience", "ACC_S", rate) + ExportColumn.bounds(of: "score", "Score", rate)
             + ExportColumn.bounds(of: "honest_score", "honest Score", rate))
        let rows = summaries.map { s -> [ExportValue] in
            let head: [ExportValue] = [.text(s.info.name), .text(s.info.modality.rawValue), .text(s.info.source.rawValue)]
            let bounds: [ExportValue] = intervals.map { all in
                guard let i = all[s.info.name] else { return Array(repeating: .missing, count: 8) }
                return ExportValue.bounds(i.metrics.accPresence) + ExportValue.bounds(i.metrics.accSalience)
                    + ExportValue.bounds(i.metrics.score) + ExportValue.bounds(i.honestScore)
            } ?? []
            guard let sum = s.summary else { return head + [.integer(0)] + Array(repeating: .missing, count: 8) + bounds }
            let m = sum.best.metrics
            return head + [
                .integer(sum.clips), .number(sum.best.thresholds.alpha), .number(sum.best.thresholds.beta),
                .number(m.accPresence), .number(m.accSalience), .number(m.score),
                sum.folds.map { .number($0.optimisticScore) } ?? .missing,
                sum.folds.map { .number($0.honestScore) } ?? .missing, sum.folds.map { .number($0.gap) } ?? .missing,
            ] + bounds
        }
        return ExportTable(name: "encoders",
                           title: "Encoders on the training split: best thresholds of the challenge's search and the nested honest Score"
                               + (settings.map { " · \(intervalNote($0)), actors resampled, thresholds held fixed" } ?? ""),
                           columns: columns, rows: rows)
    }
}
