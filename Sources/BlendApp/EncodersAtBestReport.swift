import BlendCore
import BlendReport

extension EncoderAtBest {
    /// This encoder's row of the encoders-at-own-best report; `labelledClips` (the project's
    /// labelled clips) gives its coverage.
    public func reportRow(intervals: MetricIntervals?, labelledClips: Int) -> EncoderBestRow {
        EncoderBestRow(name: encoder.name, modality: encoder.modality.rawValue, modalityCode: encoder.modality.code,
                       source: encoder.source.rawValue, clips: encoder.probabilityCount, labelledClips: labelledClips,
                       cell: best, intervals: intervals)
    }
}

extension ProjectSession {
    /// The encoders-at-own-best report (`open`'s table, the Overview's encoders): `intervals`,
    /// when given, one per encoder in order (`intervals(of:settings:)`).
    public static func encodersAtOwnBestTable(_ encoders: [EncoderAtBest], intervals: [MetricIntervals]? = nil,
                                              labelledClips: Int) -> ExportTable {
        AnalysisTables.encodersAtOwnBest(encoders.enumerated().map { i, e in
            e.reportRow(intervals: intervals.flatMap { $0.indices.contains(i) ? $0[i] : nil }, labelledClips: labelledClips)
        })
    }
}
