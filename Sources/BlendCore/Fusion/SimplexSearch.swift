/// The reference system's constrained grid search: every weight vector whose weights are
/// multiples of a step and sum to 1, each scored with the α/β grid searched inside.
///
/// With M encoders and K = 1/step parts there are C(K + M − 1, M − 1) points: 12 encoders at
/// step 0.1 is 352,716 of them, at 0.05 over 30 million. The points are visited in the order
/// of Nijenhuis and Wilf's NEXCOM, where consecutive points differ in at most three weights,
/// so each costs at most three axpys in the fusion cache.
public enum SimplexSearch {
    /// K, the number of parts the step divides 1 into.
    ///
    /// - Throws: `FusionError.badStep` unless 1/step is a whole number within rounding.
    public static func parts(step: Double) throws -> Int {
        guard step.isFinite, step > 0, step <= 1 else { throw FusionError.badStep(step) }
        let k = (1 / step).rounded()
        guard abs(k * step - 1) <= 1e-9 else { throw FusionError.badStep(step) }
        return Int(k)
    }

    /// C(K + M − 1, M − 1) in Double (exact while below 2^53, and it does not overflow).
    public static func pointCount(encoders m: Int, step: Double) throws -> Double {
        let k = try parts(step: step)
        var c = 1.0
        // C(n, r) = Π_{i=1}^{r} (n − r + i) / i, each partial product a whole number.
        let r = m - 1, n = k + m - 1
        for i in stride(from: 1, through: r, by: 1) { c = c * Double(n - r + i) / Double(i) }
        return c.rounded()
    }

    /// Seconds one search over `inputs` would take, from the measured cost of the first
    /// `sample` points (at most the whole grid).
    public static func estimatedSeconds(_ inputs: FusionInputs, step: Double, grid: ThresholdGrid = .official,
                                        scoring: FusionScoring = .incremental, sample: Int = 24) throws -> Double {
        let count = try pointCount(encoders: inputs.encoderCount, step: step)
        var points = Compositions(parts: try parts(step: step), count: inputs.encoderCount)
        var scorer = FusionScorer(inputs: inputs, weights: points.weights, grid: grid, scoring: scoring)
        let clock = ContinuousClock()
        let start = clock.now
        var measured = 0
        repeat {
            scorer.commit(points.weights)
            // Kept alive so the optimiser cannot drop the work being timed.
            withExtendedLifetime(scorer.current()) {}
            measured += 1
        } while measured < sample && points.advance()
        return (clock.now - start).inSeconds / Double(measured) * count
    }

    /// Scores every point and keeps the first best; the trajectory lists each new best.
    ///
    /// - Throws: `CancellationError`, or `FusionError.badStep`.
    public static func run(_ inputs: FusionInputs, step: Double, grid: ThresholdGrid = .official,
                           scoring: FusionScoring = .incremental, control: FusionControl = .none) throws -> FusionOptimum {
        let count = try pointCount(encoders: inputs.encoderCount, step: step)
        var points = Compositions(parts: try parts(step: step), count: inputs.encoderCount)
        var scorer = FusionScorer(inputs: inputs, weights: points.weights, grid: grid, scoring: scoring)
        var best: FusionPoint?
        var trajectory: [FusionStep] = []
        var ordinal = 0
        repeat {
            try control.checkCancellation()
            ordinal += 1
            scorer.commit(points.weights)
            let point = scorer.current()!
            if best == nil || point.score > best!.score {
                best = point
                trajectory.append(FusionStep(step: ordinal, point: point))
            }
            if ordinal % 256 == 0 {
                control.progress(Double(ordinal) / count, "simplex point \(ordinal)/\(FusionError.count(count))", best!.score)
            }
        } while points.advance()
        control.progress(1, "simplex point \(ordinal)/\(FusionError.count(count))", best!.score)
        return FusionOptimum(point: best!, trajectory: trajectory, evaluations: scorer.evaluations)
    }
}

/// The compositions of K into M non-negative parts, NEXCOM order (Nijenhuis and Wilf,
/// Combinatorial Algorithms, 1978): from (K, 0, …, 0) to (0, …, 0, K).
struct Compositions {
    private(set) var parts: [Int]
    private let total: Int
    private var t: Int
    private var h = -1

    init(parts total: Int, count: Int) {
        precondition(total >= 1 && count >= 1)
        self.total = total
        parts = [Int](repeating: 0, count: count)
        parts[0] = total
        t = total
    }

    /// The current composition as weights (parts; the scale does not matter to fusion).
    var weights: [Double] { parts.map(Double.init) }

    /// Moves to the next composition; false after the last one.
    mutating func advance() -> Bool {
        guard parts[parts.count - 1] != total else { return false }
        if t > 1 { h = -1 }
        h += 1
        t = parts[h]
        parts[h] = 0
        parts[0] = t - 1
        parts[h + 1] += 1
        return true
    }
}
