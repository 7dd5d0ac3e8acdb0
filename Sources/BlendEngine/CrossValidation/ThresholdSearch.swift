import BlendCore

/// The thresholds a search chose and what they give.
public struct ThresholdChoice: Sendable, Codable, Hashable {
    public let thresholds: Thresholds
    public let metrics: Metrics
}

/// How validation probabilities are scored each epoch: the best α/β and their metrics.
/// Cross-validation takes it as a parameter so that a faster sweep can replace the default.
public typealias ValidationScorer = @Sendable (ScoredClips) -> ThresholdChoice

/// Threshold searches: the reference one, decoding every clip at every grid point, and the
/// fast sweep that cross-validation uses by default, which chooses the same cell with the
/// same metrics (BlendCore's `SweepIndex` is bit-identical to decoding).
public enum ThresholdSearch {
    /// The challenge's search on `grid` (α outer, β inner, first maximum of Score wins),
    /// decoding every clip at every grid point.
    public static func best(_ clips: ScoredClips, grid: ThresholdGrid = .official) -> ThresholdChoice {
        var best: ThresholdChoice?
        for alpha in grid.alphas {
            for beta in grid.betas {
                let t = Thresholds(alpha: alpha, beta: beta)
                let m = clips.evaluate(t)
                if best == nil || m.score > best!.metrics.score { best = ThresholdChoice(thresholds: t, metrics: m) }
            }
        }
        return best!
    }

    /// The same choice through `SweepIndex`: each clip is reduced to its top two once, then
    /// every grid cell is counted without decoding. Hundreds of times faster than `best`,
    /// which matters because cross-validation searches again after every epoch.
    public static func sweep(_ clips: ScoredClips, grid: ThresholdGrid = .official) -> ThresholdChoice {
        let best = SweepIndex(clips).sweep(grid: grid).best
        return ThresholdChoice(thresholds: best.thresholds, metrics: best.metrics)
    }

    /// `best(_:grid:)` on the official 20 × 20 grid, as a `ValidationScorer`: the reference.
    public static let naiveOfficial: ValidationScorer = { best($0) }

    /// `sweep(_:grid:)` on the official 20 × 20 grid: the default `ValidationScorer`.
    public static let official: ValidationScorer = { sweep($0) }
}
