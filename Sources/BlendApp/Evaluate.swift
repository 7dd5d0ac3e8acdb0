import BlendCore

/// One source's metrics at one pair of thresholds, with the actor bootstrap's intervals.
public struct EvaluationOutcome: Sendable {
    public let target: AnalysisTarget
    public let selection: ClipSelection
    /// The labelled clips evaluated.
    public let clips: ScoredClips
    public let metrics: Metrics
    public let intervals: MetricIntervals
    /// Unlabelled test clips the selection held and left out.
    public let unlabelled: Int
}

extension ProjectSession {
    /// `eval`: the target's metrics over the selection's labelled clips.
    ///
    /// - Throws: `AppError.emptySelection`, `StoreError.unknownEncoder` / `.unknownFusion`.
    public func evaluate(_ target: AnalysisTarget, in selection: ClipSelection = .all,
                         settings: BootstrapSettings = .standard) throws -> EvaluationOutcome {
        let (clips, left) = try scoredClips(target, in: selection)
        let t = target.thresholds
        return EvaluationOutcome(target: target, selection: selection, clips: clips, metrics: clips.evaluate(t),
                          intervals: SweepIndex(clips).intervals(at: t, settings: settings), unlabelled: left)
    }
}
