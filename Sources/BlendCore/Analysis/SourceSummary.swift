/// A source at a glance, in the challenge's cross-validation setting (the training split):
/// the best cell of a threshold search over all training clips (the optimistic, in-sample
/// figure papers report) and the per-fold report with its honest, nested Score.
public struct SourceSummary: Hashable, Sendable, Encodable {
    /// Training clips the source has predictions for.
    public let clips: Int
    /// The challenge's winner over all training clips (α outer, β inner, first maximum).
    public let best: SweepCell
    /// Nil with fewer than two folds.
    public let folds: FoldReport?

    /// Summarises the training clips of `scored` (test clips take no part). Nil when the source
    /// has no training clip.
    public init?(_ scored: ScoredClips, grid: ThresholdGrid = .official) {
        let train = scored.filter { $0.split == .train }
        guard train.count > 0 else { return nil }
        let plan = SweepIndex(train).plan(grid)
        clips = train.count
        best = plan.sweep().best
        folds = plan.foldReport()
    }
}
