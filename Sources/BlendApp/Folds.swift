import BlendCore

/// Per-fold best thresholds, the honest (nested) Score and their intervals.
public struct FoldsOutcome: Sendable {
    public let source: SourceRef
    public let report: FoldReport
    public let intervals: FoldIntervals
    /// With `test`: whether the folds' best β spread more than random folds give (nil with
    /// fewer than two folds).
    public let test: FoldHeterogeneityTest?
    /// The project's unlabelled test clips, never in a fold.
    public let unlabelled: Int
}

extension ProjectSession {
    /// `folds`: every training fold of the source's clips.
    ///
    /// - Throws: `AppError.tooFewFolds` with predictions in fewer than two training folds.
    public func folds(_ source: SourceRef, grid: ThresholdGrid = .official, test: Bool = false,
                      settings: BootstrapSettings = .standard) throws -> FoldsOutcome {
        let clips = try store.scoredClips(source: source)
        let (report, intervals, plan) = try Self.folds(clips, source: source, scope: nil, grid: grid, settings: settings)
        let heterogeneity = test
            ? plan.foldHeterogeneity(permutations: settings.replicates, seed: settings.seed, level: settings.level) : nil
        return FoldsOutcome(source: source, report: report, intervals: intervals, test: heterogeneity,
                            unlabelled: try store.unlabelledCount())
    }

    /// The fold report of `clips` (`scope` names a restriction in the refusal).
    static func folds(_ clips: ScoredClips, source: SourceRef, scope: String?, grid: ThresholdGrid,
                      settings: BootstrapSettings) throws -> (FoldReport, FoldIntervals, SweepPlan) {
        let index = SweepIndex(clips)
        let plan = index.plan(grid)
        guard let report = plan.foldReport() else { throw AppError.tooFewFolds(source: source.description, scope: scope) }
        return (report, index.foldIntervals(report, settings: settings), plan)
    }
}
