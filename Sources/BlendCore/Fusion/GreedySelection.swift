/// Ensemble selection with replacement (Caruana, Niculescu-Mizil, Crew and Ksikes, 2004; the
/// way AutoGluon builds its weighted ensembles): start from the best single encoder, then each
/// round add one more copy of whichever encoder makes the Score highest, even when none
/// improves it. The weights are the copies over the rounds; the best round wins (the first on
/// ties, so fewer rounds are preferred).
public enum GreedySelection {
    /// - Parameters:
    ///   - rounds: how many copies to place in all (≥ 1).
    ///   - control: progress per round; cancellation is checked before every evaluation.
    /// - Throws: `CancellationError`, or `FusionError.invalid` for rounds < 1.
    public static func run(_ inputs: FusionInputs, rounds: Int, grid: ThresholdGrid = .official,
                           scoring: FusionScoring = .incremental, control: FusionControl = .none) throws -> FusionOptimum {
        guard rounds >= 1 else { throw FusionError.invalid("greedy selection needs at least 1 round, got \(rounds)") }
        var scorer = FusionScorer(inputs: inputs, weights: [Double](repeating: 0, count: inputs.encoderCount),
                                  grid: grid, scoring: scoring)
        var counts = [Double](repeating: 0, count: inputs.encoderCount)
        var trajectory: [FusionStep] = []
        var best: FusionPoint?
        for round in 1...rounds {
            var chosen: (m: Int, point: FusionPoint)?
            for m in counts.indices {
                try control.checkCancellation()
                guard let point = scorer.trying(m, at: counts[m] + 1) else { continue }
                if chosen == nil || point.score > chosen!.point.score { chosen = (m, point) }
            }
            // Every encoder is tried each round and adding a copy keeps a weight positive.
            let (m, point) = chosen!
            counts[m] += 1
            scorer.commit(m, at: counts[m])
            trajectory.append(FusionStep(step: round, point: point))
            if best == nil || point.score > best!.score { best = point }
            control.progress(Double(round) / Double(rounds), "greedy round \(round)/\(rounds)", best!.score)
        }
        return FusionOptimum(point: best!, trajectory: trajectory, evaluations: scorer.evaluations)
    }
}
