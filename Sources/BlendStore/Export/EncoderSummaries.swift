import BlendCore

/// An encoder of the project with its summary over the training split.
public struct EncoderSummary: Sendable, Hashable {
    public let info: EncoderInfo
    /// Nil when the encoder has no prediction for any training clip.
    public let summary: SourceSummary?
}

/// An encoder's actor-bootstrap intervals over the training split: ACC_P, ACC_S and Score at
/// its best thresholds (held fixed), and the honest Score (the folds' mean, each fold's actors
/// resampled at the thresholds chosen on the others).
public struct EncoderIntervals: Sendable, Hashable {
    public let metrics: MetricIntervals
    public let honestScore: Interval?

    public init(metrics: MetricIntervals, honestScore: Interval?) {
        self.metrics = metrics
        self.honestScore = honestScore
    }
}

extension ProjectStore {
    /// Every encoder with probabilities, in creation order, each searched on `grid` over its
    /// training clips with nested per-fold selection: what `export encoders` tabulates.
    public func encoderSummaries(grid: ThresholdGrid = .official) throws -> [EncoderSummary] {
        let table = try allProbabilities()
        return try encoders().filter { $0.probabilityCount > 0 }.map { info in
            guard let e = table.index(of: info.name) else { throw StoreError.unknownEncoder(info.name) }
            return EncoderSummary(info: info, summary: SourceSummary(table.scoredClips(encoder: e), grid: grid))
        }
    }
}
