import BlendCore

/// The heavy threshold results for one source, computed off the UI thread after the project
/// opens: the official-grid sweep over all clips, each fold's sweep (for the ACC_S(β)
/// curves) and the nested fold report (the honest Score).
public struct ThresholdAnalysis: Sendable {
    public let grid: ThresholdGrid
    public let all: SweepResult
    /// One sweep per training fold, fold 0 first.
    public let folds: [SweepResult]
    /// Nil with fewer than two folds.
    public let foldReport: FoldReport?

    /// Sweeps `scored` over `grid`.
    public init(_ scored: ScoredClips, index: SweepIndex, grid: ThresholdGrid = .official) {
        self.grid = grid
        let plan = index.plan(grid)
        all = plan.sweep()
        foldReport = plan.foldReport()
        let foldNumbers = Set(scored.clips.compactMap(\.fold)).sorted()
        folds = foldNumbers.map { fold in
            SweepIndex(scored.filter { $0.fold == fold }).sweep(grid: grid)
        }
    }

    /// The grid column nearest to `alpha` (the heatmap's current marker and the curves' α).
    /// (`ThresholdGrid.nearest`, the rule the heatmap figure marks its current cell by.)
    public func nearestAlphaIndex(_ alpha: Double) -> Int { ThresholdGrid.nearest(alpha, in: grid.alphas) }

    public func nearestBetaIndex(_ beta: Double) -> Int { ThresholdGrid.nearest(beta, in: grid.betas) }
}
