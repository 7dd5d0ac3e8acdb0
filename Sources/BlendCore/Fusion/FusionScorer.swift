/// How an optimiser turns a weight vector into its best Score on a threshold grid.
public enum FusionScoring: String, Sendable, Hashable, Codable {
    /// Incremental fusion (one axpy per weight change) and the fast sweep: how blendscope works.
    case incremental
    /// Re-fuse every clip from scratch and decode every clip at every grid cell: the direct
    /// approach, kept as the benchmark's point of comparison.
    case naive
}

/// A weight vector's outcome: the grid's best cell for the fused clips (the challenge's
/// tie-break: α outer, β inner, first maximum).
public struct FusionPoint: Sendable, Hashable {
    /// Unnormalised weights, as the optimiser holds them.
    public let weights: [Double]
    public let best: SweepCell

    public var score: Double { best.metrics.score }

    /// The weights scaled to sum to 1.
    public var normalisedWeights: [Double] { FusionWeights.normalised(weights) }
}

/// Scores weight vectors for the optimisers: keeps the current weights, tries a change to
/// one of them, commits it. Counts the evaluations it made.
public struct FusionScorer: Sendable {
    public let grid: ThresholdGrid
    public let scoring: FusionScoring
    public private(set) var evaluations = 0
    private var cache: FusionCache

    /// - Precondition: the weights are finite and ≥ 0; all 0 is allowed as a starting point
    ///   (greedy selection starts from nothing).
    public init(inputs: FusionInputs, weights: [Double], grid: ThresholdGrid = .official, scoring: FusionScoring = .incremental) {
        self.grid = grid
        self.scoring = scoring
        cache = FusionCache(inputs: inputs, weights: weights)
    }

    public var inputs: FusionInputs { cache.inputs }
    public var weights: [Double] { cache.weights }

    /// The current weights' best cell; nil while every weight is 0.
    public mutating func current() -> FusionPoint? {
        guard weights.contains(where: { $0 > 0 }) else { return nil }
        evaluations += 1
        let clips: ScoredClips = switch scoring {
        case .incremental: cache.fused().scored
        case .naive: inputs.fused(weights: weights).scored
        }
        return FusionPoint(weights: weights, best: best(clips))
    }

    /// The best cell with encoder `m` at weight `w`, the others unchanged; nil when that
    /// leaves no positive weight.
    public mutating func trying(_ m: Int, at w: Double) -> FusionPoint? {
        var trial = weights
        trial[m] = w
        guard trial.contains(where: { $0 > 0 }) else { return nil }
        evaluations += 1
        let clips: ScoredClips = switch scoring {
        case .incremental: cache.fused(changing: m, to: w).scored
        case .naive: inputs.fused(weights: trial).scored
        }
        return FusionPoint(weights: trial, best: best(clips))
    }

    /// Makes `w` encoder `m`'s weight.
    public mutating func commit(_ m: Int, at w: Double) {
        cache.setWeight(m, to: w)
    }

    /// Makes `weights` current, touching only those that change.
    public mutating func commit(_ weights: [Double]) {
        cache.setWeights(weights)
    }

    private func best(_ clips: ScoredClips) -> SweepCell {
        switch scoring {
        case .incremental: SweepIndex(clips).sweep(grid: grid).best
        case .naive: clips.naiveSweep(grid: grid).best
        }
    }
}

/// Small helpers on weight vectors.
public enum FusionWeights {
    /// `weights / Σ weights`; all zeros stay zeros.
    public static func normalised(_ weights: [Double]) -> [Double] {
        let total = weights.reduce(0, +)
        guard total > 0 else { return weights }
        return weights.map { $0 / total }
    }

    /// `1/M` each.
    public static func equal(_ count: Int) -> [Double] {
        [Double](repeating: 1 / Double(count), count: count)
    }

    /// The element-wise mean of several vectors of one length.
    public static func mean(_ vectors: [[Double]]) -> [Double] {
        precondition(!vectors.isEmpty, "nothing to average")
        var sum = [Double](repeating: 0, count: vectors[0].count)
        for v in vectors {
            precondition(v.count == sum.count, "vectors of one length expected")
            for i in v.indices { sum[i] += v[i] }
        }
        return sum.map { $0 / Double(vectors.count) }
    }
}
