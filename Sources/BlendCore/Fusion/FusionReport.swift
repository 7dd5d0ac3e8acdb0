/// Everything a fusion run found, with the numbers that say how much of it is real.
///
/// "In-sample" means weights and thresholds chosen on the very folds they are scored on;
/// "honest" means chosen on four folds and scored on the fifth (nested), averaged over folds.
public struct FusionReport: Sendable, Encodable {
    public let settings: FusionSettings
    public let grid: ThresholdGrid
    public let encoders: [String]
    /// The fusion's weights, one per encoder, summing to 1: from all training clips, or in
    /// per-fold mode the mean of the folds' own weights.
    public let weights: [Double]
    /// The best cell for `weights` over all training clips.
    public let thresholds: Thresholds
    public let inSample: FoldMean
    public let honest: FoldMean
    /// How much the in-sample Score overstates the honest one.
    public let gap: Double
    /// All training clips pooled at `weights` and `thresholds`.
    public let pooled: Metrics
    /// The test split at `weights` and `thresholds`, when the inputs have test clips.
    public let test: Metrics?
    public let folds: [FusionFold]
    public let perEncoder: [FusionEncoderSummary]
    /// Equal weights over the same encoders, thresholds nested the same way.
    public let equalWeights: FusionAssessment
    /// The encoder with the highest honest Score on its own (the first on ties); nil when no
    /// encoder alone spans two folds.
    public let bestSingle: String?
    /// The optimiser's path on all training clips, or in per-fold mode on each fold.
    public let trajectories: [FusionTrajectory]
    /// Clips (training and test) fused from fewer than all weighted encoders, and clips left
    /// out because they have none of them.
    public let renormalisedClips: Int
    public let droppedClips: Int
    /// Weight vectors scored by all the optimiser runs.
    public let evaluations: Int

    /// The share of weight on `group` (say, the task-adapted encoders): in the fusion, and
    /// spread over the folds' weight vectors. Names not among the encoders count for nothing.
    public func share(of group: Set<String>) -> FusionGroupShare {
        let members = encoders.indices.filter { group.contains(encoders[$0]) }
        func share(_ w: [Double]) -> Double { members.reduce(0) { $0 + w[$1] } }
        return FusionGroupShare(encoders: members.map { encoders[$0] }, share: share(weights),
                                folds: Spread(folds.map { share($0.weights) })!)
    }
}

/// One training fold in a fusion run.
public struct FusionFold: Sendable, Hashable, Encodable {
    public let fold: Int
    public let clips: Int
    /// The weights this fold's spread is measured on: chosen on the other folds (global mode)
    /// or on this fold alone (per-fold mode, the reference system's weight table).
    public let weights: [Double]
    /// The weights and thresholds chosen without this fold, and its metrics there.
    public let heldOutWeights: [Double]
    public let heldOutThresholds: Thresholds
    public let heldOut: Metrics
}

/// One encoder's part in a fusion.
public struct FusionEncoderSummary: Sendable, Hashable, Encodable {
    public let encoder: String
    public let weight: Double
    /// Its weight over the folds' weight vectors.
    public let foldWeights: Spread
    /// The encoder on its own, thresholds chosen in-sample and nested; nil when its
    /// predictions span fewer than two folds.
    public let alone: FusionAssessment?
    /// The fusion with this encoder's weight set to 0 (the others renormalised, not
    /// re-optimised) and thresholds chosen again; nil when nothing would be left.
    public let without: FusionAblation?
}

/// Scores with one encoder left out, and their change from the full fusion.
public struct FusionAblation: Sendable, Hashable, Encodable {
    public let inSample: Double
    public let honest: Double
    public let inSampleChange: Double
    public let honestChange: Double
}

/// A weight share and its spread over folds.
public struct FusionGroupShare: Sendable, Hashable, Encodable {
    public let encoders: [String]
    public let share: Double
    public let folds: Spread
}

/// An optimiser's path over one set of clips.
public struct FusionTrajectory: Sendable, Hashable, Encodable {
    /// `training` or `fold N`.
    public let scope: String
    public let steps: [FusionStep]
}
