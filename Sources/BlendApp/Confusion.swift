import BlendCore

/// Presence and salience confusion with per-emotion precision, recall and F1.
public struct ConfusionOutcome: Sendable {
    public let clips: ScoredClips
    public let metrics: Metrics
    public let tables: ConfusionTables
    /// Aligned with `tables.perEmotion`.
    public let emotionIntervals: [EmotionInterval]
    public let intervals: MetricIntervals
    public let unlabelled: Int
}

extension ProjectSession {
    /// `confusion`: the tables of the selection's clips at the target's thresholds.
    public func confusion(_ target: AnalysisTarget, in selection: ClipSelection = .all,
                          settings: BootstrapSettings = .standard) throws -> ConfusionOutcome {
        let (clips, left) = try scoredClips(target.source, in: selection)
        let t = target.thresholds
        let tables = clips.confusionTables(at: t)
        let emotions = clips.emotionIntervals(at: t, settings: settings)
        let overall = SweepIndex(clips).intervals(at: t, settings: settings)
        return ConfusionOutcome(clips: clips, metrics: clips.evaluate(t), tables: tables, emotionIntervals: emotions,
                                intervals: overall, unlabelled: left)
    }
}
