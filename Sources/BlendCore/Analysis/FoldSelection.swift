/// One training fold seen three ways: thresholds tuned on itself, on the other folds, and the
/// baseline's borrowed ones.
public struct FoldOutcome: Hashable, Sendable, Encodable {
    /// The fold number (0–4 in BLEMORE).
    public let fold: Int
    /// The number of clips in the fold.
    public let clips: Int
    /// The fold's own best cell: thresholds chosen on the very clips they are scored on.
    public let own: SweepCell
    /// The best cell of the other folds pooled (its metrics are theirs).
    public let chosenOnOthers: SweepCell
    /// This fold at `chosenOnOthers.thresholds`: the honest, held-out result.
    public let honest: Metrics
    /// This fold at the baseline's thresholds (those of the single best fold).
    public let baseline: Metrics
}

/// How much threshold tuning flatters a source: per-fold optima, their spread, nested
/// (honest) selection and the challenge baseline's habit of reusing the best fold's thresholds.
public struct FoldReport: Hashable, Sendable, Encodable {
    /// The grid every selection searched.
    public let grid: ThresholdGrid
    /// In fold order.
    public let folds: [FoldOutcome]
    /// Spread of the folds' own best α, β and Score.
    public let alphaSpread: Spread
    public let betaSpread: Spread
    public let scoreSpread: Spread
    /// Mean over folds (unweighted) of each fold's own best Score.
    public let optimisticScore: Double
    /// Mean over folds (unweighted) of each fold's Score at thresholds chosen on the others.
    public let honestScore: Double
    /// The fold with the highest own Score (the first on ties), whose thresholds the baseline uses.
    public let baselineFold: Int
    public let baselineThresholds: Thresholds
    /// Mean over folds (unweighted) of the Score at the baseline thresholds.
    public let baselineScore: Double

    /// How much the optimistic Score overstates the honest one.
    public var gap: Double { optimisticScore - honestScore }
}

extension SweepPlan {
    /// Per-fold selection over the plan's grid, from one pass over the clips: each fold's counts
    /// are made once and the other four are added up for nested selection. Test clips (no fold)
    /// take no part. Nil with fewer than two folds, where nothing can be held out.
    public func foldReport() -> FoldReport? {
        let (groups, groupOf) = ClipGrouping.fold.partition(index.clips)
        guard groups.count >= 2 else { return nil }
        let counts = counts(groupOf: groupOf, groupCount: groups.count)
        let own = counts.map(result)
        var chosen = [SweepCell]()
        for f in groups.indices {
            // Counts of disjoint clip sets add, so "all but f" is a sum of four, not a re-count.
            var others = emptyCounts()
            for g in groups.indices where g != f { others += counts[g] }
            chosen.append(result(others).best)
        }
        let baselineFold = own.indices.dropFirst().reduce(0) { own[$1].best.metrics.score > own[$0].best.metrics.score ? $1 : $0 }
        let baselineCell = own[baselineFold].best
        let outcomes = groups.indices.map { f in
            FoldOutcome(fold: Self.foldNumber(groups[f]), clips: own[f].clips, own: own[f].best,
                        chosenOnOthers: chosen[f],
                        honest: own[f].metrics(alphaIndex: chosen[f].alphaIndex, betaIndex: chosen[f].betaIndex),
                        baseline: own[f].metrics(alphaIndex: baselineCell.alphaIndex, betaIndex: baselineCell.betaIndex))
        }
        func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }
        return FoldReport(
            grid: grid, folds: outcomes,
            alphaSpread: Spread(outcomes.map(\.own.thresholds.alpha))!,
            betaSpread: Spread(outcomes.map(\.own.thresholds.beta))!,
            scoreSpread: Spread(outcomes.map(\.own.metrics.score))!,
            optimisticScore: mean(outcomes.map(\.own.metrics.score)),
            honestScore: mean(outcomes.map(\.honest.score)),
            baselineFold: outcomes[baselineFold].fold, baselineThresholds: baselineCell.thresholds,
            baselineScore: mean(outcomes.map(\.baseline.score)))
    }

    private static func foldNumber(_ scope: ClipScope) -> Int {
        guard case .fold(let f) = scope else { preconditionFailure("fold grouping yields folds") }
        return f
    }
}
