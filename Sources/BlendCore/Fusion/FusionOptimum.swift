/// One point of an optimiser's path: where it stood after a step and what that scored.
public struct FusionStep: Sendable, Hashable, Encodable {
    /// Greedy: the round (1 = best single encoder); coordinate: the accepted move (0 = the
    /// start); simplex: the grid point's ordinal where a new best was found.
    public let step: Int
    /// Normalised to sum to 1.
    public let weights: [Double]
    /// The best cell of the grid for these weights (thresholds searched inside).
    public let thresholds: Thresholds
    public let metrics: Metrics
    public let score: Double

    public init(step: Int, weights: [Double], thresholds: Thresholds, metrics: Metrics) {
        self.step = step
        self.weights = weights
        self.thresholds = thresholds
        self.metrics = metrics
        score = metrics.score
    }

    public init(step: Int, point: FusionPoint) {
        self.step = step
        weights = point.normalisedWeights
        thresholds = point.best.thresholds
        metrics = point.best.metrics
        score = point.best.metrics.score
    }
}

/// What an optimiser found: the weights, their best cell and the path that led there.
public struct FusionOptimum: Sendable {
    /// Normalised to sum to 1.
    public let weights: [Double]
    /// The grid's best cell for `weights` on the clips the optimiser saw.
    public let best: SweepCell
    public let trajectory: [FusionStep]
    /// Weight vectors scored on the way.
    public let evaluations: Int

    public init(weights: [Double], best: SweepCell, trajectory: [FusionStep], evaluations: Int) {
        self.weights = weights
        self.best = best
        self.trajectory = trajectory
        self.evaluations = evaluations
    }

    public init(point: FusionPoint, trajectory: [FusionStep], evaluations: Int) {
        weights = point.normalisedWeights
        best = point.best
        self.trajectory = trajectory
        self.evaluations = evaluations
    }

    public var score: Double { best.metrics.score }
}
