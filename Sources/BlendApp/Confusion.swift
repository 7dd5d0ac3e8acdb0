import BlendCore

/// Presence and salience confusion with per-emotion precision, recall and F1.
public struct ConfusionOutcome: Sendable {
    /// The metrics, their intervals and the clips, as `eval` has them.
    public let evaluation: EvaluationOutcome
    public let tables: ConfusionTables
    /// Aligned with `tables.perEmotion`.
    public let emotionIntervals: [EmotionInterval]
}

extension ProjectSession {
    /// `confusion`: the tables of the selection's clips at the target's thresholds.
    public func confusion(_ target: AnalysisTarget, in selection: ClipSelection = .all,
                          settings: BootstrapSettings = .standard) throws -> ConfusionOutcome {
        let evaluation = try evaluate(target, in: selection, settings: settings)
        let (clips, t) = (evaluation.clips, target.thresholds)
        return ConfusionOutcome(evaluation: evaluation, tables: clips.confusionTables(at: t),
                                emotionIntervals: clips.emotionIntervals(at: t, settings: settings))
    }
}
