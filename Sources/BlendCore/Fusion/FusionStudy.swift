/// A whole fusion run: optimise the weights, then say how much of the gain survives when
/// weights and thresholds are chosen without the clips they are scored on.
///
/// Only training clips (those with a fold) choose anything. Global mode optimises once on all
/// of them and once per fold on the other four (nested); per-fold mode optimises on each fold
/// alone, averages the weights (the reference system's weight table) and, for the honest
/// figure, averages the other four folds' weights for each held-out fold.
public enum FusionStudy {
    /// - Throws: `FusionError` for bad settings, too few folds or a simplex grid estimated to
    ///   take longer than `settings.timeLimitSeconds`; `CancellationError` when `control` asks.
    public static func run(_ inputs: FusionInputs, settings: FusionSettings, grid: ThresholdGrid = .official,
                           control: FusionControl = .none) throws -> FusionReport {
        try preflight(inputs, settings: settings, grid: grid)
        let training = inputs.filter { $0.fold != nil }
        let foldNumbers = Set(training.clips.compactMap(\.fold)).sorted()
        let foldMembers = foldNumbers.map { f in training.clips.indices.filter { training.clips[$0].fold == f } }

        let runs = settings.perFold
            ? try perFoldRuns(training, folds: foldNumbers, members: foldMembers, settings: settings, grid: grid, control: control)
            : try globalRuns(training, folds: foldNumbers, members: foldMembers, settings: settings, grid: grid, control: control)
        try control.checkCancellation()
        control.progress(0.97, "assessing encoders", nil)

        // Every figure below is computed from scratch, as a saved fusion is evaluated.
        let weights = runs.weights
        let fusedTraining = training.fused(weights: weights).scored
        let plan = SweepIndex(fusedTraining).plan(grid)
        let final = try assessment(fusedTraining, grid: grid, what: "the fusion")
        let folds = foldNumbers.indices.map { f in
            let heldOutClips = training.subset(foldMembers[f]).fused(weights: runs.heldOutWeights[f]).scored
            return FusionFold(fold: foldNumbers[f], clips: foldMembers[f].count, weights: runs.foldWeights[f],
                              heldOutWeights: runs.heldOutWeights[f], heldOutThresholds: runs.heldOutThresholds[f],
                              heldOut: SweepIndex(heldOutClips).metrics(at: runs.heldOutThresholds[f]))
        }
        let honest = FoldMean(folds.map(\.heldOut))!
        let testClips = inputs.filter { $0.split == .test }
        let test = testClips.clipCount == 0 ? nil : SweepIndex(testClips.fused(weights: weights).scored).metrics(at: final.best.thresholds)
        let all = inputs.fused(weights: weights)

        var perEncoder: [FusionEncoderSummary] = []
        for m in inputs.encoders.indices {
            try control.checkCancellation()
            let alone = FusionAssessment(training.scoredClips(encoder: m), grid: grid)
            perEncoder.append(FusionEncoderSummary(
                encoder: inputs.encoders[m], weight: weights[m], foldWeights: Spread(runs.foldWeights.map { $0[m] })!,
                alone: alone,
                without: try ablation(leaving: m, training, members: foldMembers, runs: runs, inSample: final.inSample.score,
                                  honest: honest.score, grid: grid)))
        }
        // An encoder with predictions in fewer than two folds has no honest Score to compare.
        let bestSingle = perEncoder.indices.reduce(nil as Int?) { best, m in
            guard let score = perEncoder[m].alone?.honest.score else { return best }
            guard let best, let top = perEncoder[best].alone?.honest.score, top >= score else { return m }
            return best
        }
        control.progress(1, "done", honest.score)
        return FusionReport(
            settings: settings, grid: grid, encoders: inputs.encoders, weights: weights, thresholds: final.best.thresholds,
            inSample: final.inSample, honest: honest, gap: final.inSample.score - honest.score,
            pooled: plan.index.metrics(at: final.best.thresholds), test: test, folds: folds, perEncoder: perEncoder,
            equalWeights: try assessment(training.fused(weights: FusionWeights.equal(inputs.encoderCount)).scored, grid: grid,
                                         what: "equal weights"),
            bestSingle: bestSingle.map { inputs.encoders[$0] }, trajectories: runs.trajectories,
            renormalisedClips: all.renormalised, droppedClips: all.dropped, evaluations: runs.evaluations)
    }

    /// Every check `run` makes before it starts, for callers that want to refuse before they
    /// record a job: the settings, two folds or more, and the simplex grid's estimated time
    /// (measured on a few points).
    public static func preflight(_ inputs: FusionInputs, settings: FusionSettings, grid: ThresholdGrid = .official) throws {
        try settings.validate()
        let training = inputs.filter { $0.fold != nil }
        let folds = Set(training.clips.compactMap(\.fold)).count
        guard folds >= 2 else { throw FusionError.tooFewFolds(folds) }
        if settings.method == .simplex { try checkSimplexTime(training, settings: settings, grid: grid, folds: folds) }
    }

    /// The weights every fold was judged with, and what the optimisers did.
    private struct Runs {
        /// The fusion's weights.
        var weights: [Double]
        /// Per fold: the vector whose spread is reported.
        var foldWeights: [[Double]]
        /// Per fold: the weights and thresholds chosen without it.
        var heldOutWeights: [[Double]]
        var heldOutThresholds: [Thresholds]
        var trajectories: [FusionTrajectory]
        var evaluations: Int
    }

    private static func globalRuns(_ training: FusionInputs, folds: [Int], members: [[Int]], settings: FusionSettings,
                                   grid: ThresholdGrid, control: FusionControl) throws -> Runs {
        // Progress shares follow the clips each run sees: all of them, then four folds each.
        let total = Double(training.clipCount) * Double(folds.count)
        var start = 0.0
        func part(_ clips: Int, _ prefix: String) -> FusionControl {
            defer { start += 0.95 * Double(clips) / total }
            return control.part(start: start, share: 0.95 * Double(clips) / total, prefix: prefix)
        }
        let main = try settings.optimise(training, grid: grid, control: part(training.clipCount, "all folds: "))
        var runs = Runs(weights: main.weights, foldWeights: [], heldOutWeights: [], heldOutThresholds: [],
                        trajectories: [FusionTrajectory(scope: "training", steps: main.trajectory)], evaluations: main.evaluations)
        for f in folds.indices {
            let others = members.indices.filter { $0 != f }.flatMap { members[$0] }.sorted()
            let nested = try settings.optimise(training.subset(others), grid: grid,
                                               control: part(others.count, "without fold \(folds[f]): "))
            runs.foldWeights.append(nested.weights)
            runs.heldOutWeights.append(nested.weights)
            runs.heldOutThresholds.append(nested.best.thresholds)
            runs.evaluations += nested.evaluations
        }
        return runs
    }

    private static func perFoldRuns(_ training: FusionInputs, folds: [Int], members: [[Int]], settings: FusionSettings,
                                    grid: ThresholdGrid, control: FusionControl) throws -> Runs {
        var own: [FusionOptimum] = []
        var start = 0.0
        for f in folds.indices {
            let share = 0.95 * Double(members[f].count) / Double(training.clipCount)
            own.append(try settings.optimise(training.subset(members[f]), grid: grid,
                                             control: control.part(start: start, share: share, prefix: "fold \(folds[f]) alone: ")))
            start += share
        }
        var runs = Runs(weights: FusionWeights.mean(own.map(\.weights)), foldWeights: own.map(\.weights),
                        heldOutWeights: [], heldOutThresholds: [],
                        trajectories: folds.indices.map { FusionTrajectory(scope: "fold \(folds[$0])", steps: own[$0].trajectory) },
                        evaluations: own.reduce(0) { $0 + $1.evaluations })
        for f in folds.indices {
            // The other folds' own weights, averaged, and thresholds chosen on those folds.
            let others = members.indices.filter { $0 != f }
            let weights = FusionWeights.mean(others.map { own[$0].weights })
            let clips = training.subset(others.flatMap { members[$0] }.sorted()).fused(weights: weights).scored
            runs.heldOutWeights.append(weights)
            runs.heldOutThresholds.append(SweepIndex(clips).sweep(grid: grid).best.thresholds)
        }
        return runs
    }

    /// The fusion without encoder `m`: its weight zeroed in the fusion (thresholds chosen
    /// again on all training folds) and in each held-out fold's weights (thresholds chosen
    /// again on the other folds). Nil when `m` carries all the weight somewhere.
    private static func ablation(leaving m: Int, _ training: FusionInputs, members: [[Int]], runs: Runs,
                                 inSample: Double, honest: Double, grid: ThresholdGrid) throws -> FusionAblation? {
        func without(_ w: [Double]) -> [Double]? {
            var w = w
            w[m] = 0
            return w.contains { $0 > 0 } ? FusionWeights.normalised(w) : nil
        }
        guard let weights = without(runs.weights) else { return nil }
        var heldOut: [Metrics] = []
        for f in members.indices {
            guard let w = without(runs.heldOutWeights[f]) else { return nil }
            let others = members.indices.filter { $0 != f }.flatMap { members[$0] }.sorted()
            let thresholds = SweepIndex(training.subset(others).fused(weights: w).scored).sweep(grid: grid).best.thresholds
            heldOut.append(SweepIndex(training.subset(members[f]).fused(weights: w).scored).metrics(at: thresholds))
        }
        guard let a = FusionAssessment(training.fused(weights: weights).scored, grid: grid) else { return nil }
        let h = FoldMean(heldOut)!.score
        return FusionAblation(inSample: a.inSample.score, honest: h, inSampleChange: a.inSample.score - inSample,
                              honestChange: h - honest)
    }

    /// Fails when too few clips survive fusion to span two folds (encoders with sparse
    /// predictions can leave whole folds out).
    private static func assessment(_ scored: ScoredClips, grid: ThresholdGrid, what: String) throws -> FusionAssessment {
        guard let a = FusionAssessment(scored, grid: grid) else {
            throw FusionError.invalid("\(what) has predictions in fewer than two training folds")
        }
        return a
    }

    /// Estimates the whole study's simplex time from the measured cost of a few points on the
    /// clips the runs will see: global mode runs once on all training clips and once per fold
    /// on the others (costed as all, a slight overestimate); per-fold mode runs once per fold
    /// on that fold alone. The cost per point is not proportional to the clips (the grid's
    /// own work is fixed), hence measuring on the very subsets.
    private static func checkSimplexTime(_ training: FusionInputs, settings: FusionSettings, grid: ThresholdGrid,
                                         folds: Int) throws {
        let step = settings.effectiveStep
        let seconds: Double
        if settings.perFold {
            let first = training.clips.compactMap(\.fold).min()!
            let fold = training.filter { $0.fold == first }
            seconds = try SimplexSearch.estimatedSeconds(fold, step: step, grid: grid, scoring: settings.scoring)
                * Double(folds)
        } else {
            seconds = try SimplexSearch.estimatedSeconds(training, step: step, grid: grid, scoring: settings.scoring)
                * Double(1 + folds)
        }
        guard seconds <= settings.timeLimitSeconds else {
            throw FusionError.gridTooLarge(points: try SimplexSearch.pointCount(encoders: training.encoderCount, step: step),
                                           encoders: training.encoderCount, step: step, estimatedSeconds: seconds,
                                           limitSeconds: settings.timeLimitSeconds)
        }
    }
}
