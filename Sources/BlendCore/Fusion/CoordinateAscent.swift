/// Coordinate ascent on the simplex: from a start, move one encoder's weight up or down by a
/// step (a share of the total, so the others shrink or grow in proportion), keep a move only
/// when it raises the Score, and halve the step when a whole pass over the encoders finds
/// nothing, until the step falls below a minimum.
///
/// Each move changes one unnormalised weight, so it costs one axpy in the fusion cache; the
/// Score does not see the scale of the weights, so nothing else needs renormalising.
public enum CoordinateAscent {
    /// - Parameters:
    ///   - start: weights ≥ 0, not all 0 (equal weights, or the greedy result).
    ///   - firstStep: the first move size as a share of the total (0 < step ≤ 1).
    ///   - minimumStep: stop once the step is below this.
    ///   - maximumPasses: passes allowed per step size, a bound on the work.
    /// - Throws: `CancellationError`, or `FusionError.invalid` for bad settings.
    public static func run(_ inputs: FusionInputs, start: [Double], firstStep: Double = 0.1, minimumStep: Double = 0.01,
                           maximumPasses: Int = 20, grid: ThresholdGrid = .official,
                           scoring: FusionScoring = .incremental, control: FusionControl = .none) throws -> FusionOptimum {
        guard start.count == inputs.encoderCount, start.allSatisfy({ $0.isFinite && $0 >= 0 }), start.contains(where: { $0 > 0 }) else {
            throw FusionError.invalid("coordinate ascent needs one start weight per encoder, ≥ 0 and not all 0")
        }
        guard firstStep > 0, firstStep <= 1, minimumStep > 0, minimumStep <= firstStep, maximumPasses >= 1 else {
            throw FusionError.invalid("coordinate ascent needs 0 < minimum step ≤ first step ≤ 1, got \(minimumStep) and \(firstStep)")
        }
        var scorer = FusionScorer(inputs: inputs, weights: FusionWeights.normalised(start), grid: grid, scoring: scoring)
        var current = scorer.current()!
        var trajectory = [FusionStep(step: 0, point: current)]
        var step = firstStep
        var level = 0
        let levels = stepSizes(from: firstStep, to: minimumStep).count
        while step >= minimumStep {
            var pass = 0
            var improved = true
            while improved && pass < maximumPasses {
                improved = false
                pass += 1
                for m in current.weights.indices {
                    let w = current.weights[m]
                    let move = step * current.weights.reduce(0, +)
                    var bestMove: FusionPoint?
                    for candidate in [w + move, max(0, w - move)] where candidate != w {
                        try control.checkCancellation()
                        guard let point = scorer.trying(m, at: candidate) else { continue }
                        if point.score > (bestMove?.score ?? current.score) { bestMove = point }
                    }
                    if let bestMove {
                        scorer.commit(m, at: bestMove.weights[m])
                        current = bestMove
                        improved = true
                        trajectory.append(FusionStep(step: trajectory.count, point: current))
                    }
                }
                let fraction = (Double(level) + Double(pass) / Double(maximumPasses)) / Double(levels)
                control.progress(min(fraction, 1), "coordinate step \(step) pass \(pass)", current.score)
            }
            step /= 2
            level += 1
        }
        return FusionOptimum(point: current, trajectory: trajectory, evaluations: scorer.evaluations)
    }

    /// The step sizes visited: `first`, halved while not below `minimum`.
    public static func stepSizes(from first: Double, to minimum: Double) -> [Double] {
        var sizes: [Double] = []
        var s = first
        while s >= minimum {
            sizes.append(s)
            s /= 2
        }
        return sizes
    }
}
