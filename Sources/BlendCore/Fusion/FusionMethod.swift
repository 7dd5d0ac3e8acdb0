/// The weight optimisers a fusion can use.
public enum FusionMethod: String, Sendable, Hashable, Codable, CaseIterable {
    /// The reference system's grid over the simplex.
    case simplex
    /// Caruana ensemble selection with replacement.
    case greedy
    /// Coordinate ascent with shrinking steps.
    case coordinate
}

/// Where coordinate ascent starts.
public enum CoordinateStart: String, Sendable, Hashable, Codable, CaseIterable {
    case equal, greedy
}

/// How to optimise: the method and its knobs. Every method searches α/β on the grid inside.
public struct FusionSettings: Sendable, Hashable, Encodable {
    public var method: FusionMethod
    /// Simplex: the grid step (default 0.1). Coordinate: the first move size (default 0.1).
    public var step: Double?
    /// Greedy selection's rounds, also when it seeds coordinate ascent.
    public var rounds: Int
    public var start: CoordinateStart
    /// Coordinate ascent stops once its step falls below this.
    public var minimumStep: Double
    /// Optimise each fold on its own and average the weights (the reference system's weight
    /// table) instead of optimising on all training clips at once.
    public var perFold: Bool
    public var scoring: FusionScoring
    /// The simplex search is refused when its estimated time exceeds this.
    public var timeLimitSeconds: Double

    public init(method: FusionMethod = .greedy, step: Double? = nil, rounds: Int = 25, start: CoordinateStart = .equal,
                minimumStep: Double = 0.01, perFold: Bool = false, scoring: FusionScoring = .incremental,
                timeLimitSeconds: Double = 60) {
        self.method = method
        self.step = step
        self.rounds = rounds
        self.start = start
        self.minimumStep = minimumStep
        self.perFold = perFold
        self.scoring = scoring
        self.timeLimitSeconds = timeLimitSeconds
    }

    /// The step in force: the given one or 0.1.
    public var effectiveStep: Double { step ?? 0.1 }

    /// Checks the knobs before any work starts.
    public func validate() throws {
        guard rounds >= 1 else { throw FusionError.invalid("--rounds must be at least 1, got \(rounds)") }
        switch method {
        case .simplex:
            _ = try SimplexSearch.parts(step: effectiveStep)
        case .coordinate:
            guard effectiveStep > 0, effectiveStep <= 1 else {
                throw FusionError.invalid("the coordinate step must lie in (0, 1], got \(effectiveStep)")
            }
            guard minimumStep > 0, minimumStep <= effectiveStep else {
                throw FusionError.invalid("the minimum step must lie in (0, \(effectiveStep)], got \(minimumStep)")
            }
        case .greedy:
            break
        }
    }

    /// Runs the chosen optimiser once on `inputs`.
    public func optimise(_ inputs: FusionInputs, grid: ThresholdGrid = .official,
                         control: FusionControl = .none) throws -> FusionOptimum {
        switch method {
        case .simplex:
            return try SimplexSearch.run(inputs, step: effectiveStep, grid: grid, scoring: scoring, control: control)
        case .greedy:
            return try GreedySelection.run(inputs, rounds: rounds, grid: grid, scoring: scoring, control: control)
        case .coordinate:
            var startWeights = FusionWeights.equal(inputs.encoderCount)
            var seedPath: [FusionStep] = []
            var seedEvaluations = 0
            var ascent = control
            if start == .greedy {
                let seed = try GreedySelection.run(inputs, rounds: rounds, grid: grid, scoring: scoring,
                                                   control: control.part(start: 0, share: 0.3, prefix: ""))
                startWeights = seed.weights
                seedPath = seed.trajectory
                seedEvaluations = seed.evaluations
                ascent = control.part(start: 0.3, share: 0.7, prefix: "")
            }
            let result = try CoordinateAscent.run(inputs, start: startWeights, firstStep: effectiveStep,
                                                  minimumStep: minimumStep, grid: grid, scoring: scoring, control: ascent)
            guard start == .greedy else { return result }
            // The greedy rounds come first in the path; the ascent's steps continue their count.
            let path = seedPath + result.trajectory.dropFirst().map {
                FusionStep(step: seedPath.count + $0.step, weights: $0.weights, thresholds: $0.thresholds, metrics: $0.metrics)
            }
            return FusionOptimum(weights: result.weights, best: result.best, trajectory: path,
                                 evaluations: seedEvaluations + result.evaluations)
        }
    }
}
