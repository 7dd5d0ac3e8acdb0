/// ACC_P, ACC_S and Score averaged over folds, each fold counting once whatever its size (as
/// ``FoldReport`` averages them), so in-sample and honest figures compare like with like.
public struct FoldMean: Sendable, Hashable, Codable {
    public let accPresence: Double
    public let accSalience: Double
    public let score: Double

    /// Nil for no folds.
    public init?(_ folds: [Metrics]) {
        guard !folds.isEmpty else { return nil }
        let n = Double(folds.count)
        accPresence = folds.reduce(0) { $0 + $1.accPresence } / n
        accSalience = folds.reduce(0) { $0 + $1.accSalience } / n
        score = folds.reduce(0) { $0 + $1.score } / n
    }
}

/// Fixed weights judged two ways: thresholds chosen on all training folds and scored on them
/// (in-sample), and thresholds chosen on four folds and scored on the fifth (honest about the
/// thresholds; the weights themselves are whatever the caller chose them on).
public struct FusionAssessment: Sendable, Hashable, Encodable {
    /// The best cell over all training clips (the thresholds a saved fusion keeps).
    public let best: SweepCell
    public let inSample: FoldMean
    public let honest: FoldMean
    /// Per fold: the thresholds chosen on the other folds and the fold's metrics there.
    public let heldOut: [HeldOutFold]

    /// One fold scored at thresholds it took no part in choosing.
    public struct HeldOutFold: Sendable, Hashable, Encodable {
        public let fold: Int
        public let thresholds: Thresholds
        public let metrics: Metrics
    }

    /// Assesses `scored` (training clips, each with a fold). Nil with fewer than two folds.
    public init?(_ scored: ScoredClips, grid: ThresholdGrid = .official) {
        let plan = SweepIndex(scored).plan(grid)
        let (groups, groupOf) = ClipGrouping.fold.partition(scored.clips)
        guard groups.count >= 2 else { return nil }
        let counts = plan.counts(groupOf: groupOf, groupCount: groups.count)
        var total = plan.emptyCounts()
        for c in counts { total += c }
        let own = counts.map(plan.result)
        let best = plan.result(total).best
        var heldOut: [HeldOutFold] = []
        for f in groups.indices {
            // Disjoint folds' counts add: the other folds' sweep is a sum, not a re-count.
            var others = plan.emptyCounts()
            for g in groups.indices where g != f { others += counts[g] }
            let chosen = plan.result(others).best
            guard case .fold(let number) = groups[f] else { preconditionFailure("fold grouping yields folds") }
            heldOut.append(HeldOutFold(fold: number, thresholds: chosen.thresholds,
                                       metrics: own[f].metrics(alphaIndex: chosen.alphaIndex, betaIndex: chosen.betaIndex)))
        }
        self.best = best
        inSample = FoldMean(own.map { $0.metrics(alphaIndex: best.alphaIndex, betaIndex: best.betaIndex) })!
        honest = FoldMean(heldOut.map(\.metrics))!
        self.heldOut = heldOut
    }
}
