/// Weights given, not searched (a saved fusion, a hand edit): what they score with the
/// thresholds chosen on all training folds and nested, on the test split, and how many clips
/// had to be renormalised.
public struct FixedWeightsReport: Sendable, Encodable {
    public let encoders: [String]
    /// Normalised to sum to 1.
    public let weights: [Double]
    /// Thresholds chosen in-sample and nested over the training folds.
    public let assessment: FusionAssessment
    /// All training clips pooled at the in-sample thresholds.
    public let pooled: Metrics
    /// The test split at the in-sample thresholds, when there are test clips.
    public let test: Metrics?
    /// Training and test clips fused from fewer than all weighted encoders / left out.
    public let renormalisedClips: Int
    public let droppedClips: Int

    /// The best cell over all training clips.
    public var thresholds: Thresholds { assessment.best.thresholds }

    /// - Throws: `FusionError.invalid` for weights that are negative, not finite or all 0, or
    ///   `.tooFewFolds` when the fused training clips span fewer than two folds.
    public init(_ inputs: FusionInputs, weights: [Double], grid: ThresholdGrid = .official) throws {
        guard weights.count == inputs.encoderCount, weights.allSatisfy({ $0.isFinite && $0 >= 0 }),
              weights.contains(where: { $0 > 0 }) else {
            throw FusionError.invalid("weights must be one per encoder, ≥ 0 and not all 0")
        }
        let weights = FusionWeights.normalised(weights)
        let training = inputs.filter { $0.fold != nil }.fused(weights: weights).scored
        guard let assessment = FusionAssessment(training, grid: grid) else {
            throw FusionError.tooFewFolds(Set(training.clips.compactMap(\.fold)).count)
        }
        let test = inputs.filter { $0.split == .test }
        let all = inputs.fused(weights: weights)
        encoders = inputs.encoders
        self.weights = weights
        self.assessment = assessment
        pooled = SweepIndex(training).metrics(at: assessment.best.thresholds)
        self.test = test.clipCount == 0 ? nil : SweepIndex(test.fused(weights: weights).scored).metrics(at: assessment.best.thresholds)
        renormalisedClips = all.renormalised
        droppedClips = all.dropped
    }

    /// All training clips pooled at other thresholds (a saved fusion's own, say).
    public static func pooled(_ inputs: FusionInputs, weights: [Double], at thresholds: Thresholds) -> Metrics {
        SweepIndex(inputs.filter { $0.fold != nil }.fused(weights: weights).scored).metrics(at: thresholds)
    }
}
