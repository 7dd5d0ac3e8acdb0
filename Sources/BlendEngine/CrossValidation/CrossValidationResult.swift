import BlendCore

/// One epoch of one fold: the curves the store keeps.
public struct EpochRecord: Sendable, Codable, Hashable {
    public let epoch: Int
    /// Mean of the epoch's training batch losses.
    public let trainLoss: Double
    /// Batch-mean KL loss over all validation clips, weights in evaluation mode.
    public let validationLoss: Double
    /// ACC_P, ACC_S and Score on the validation fold at `thresholds`.
    public let accPresence: Double
    public let accSalience: Double
    public let score: Double
    /// The thresholds the epoch's search chose.
    public let thresholds: Thresholds
}

/// A fold's training: its curve, the epoch whose weights were kept, and that model.
public struct FoldReport: Sendable, Codable, Equatable {
    /// The held-out fold's id.
    public let fold: Int
    /// 1-based epoch whose weights the model holds.
    public let bestEpoch: Int
    /// Epochs trained before the limit or early stopping.
    public let epochsRun: Int
    public let curve: [EpochRecord]
    public let model: TrainedModel

    /// The record of the kept epoch.
    public var best: EpochRecord { curve[bestEpoch - 1] }
}

/// Everything a cross-validated training run produces, as values.
public struct CrossValidationResult: Sendable, Codable, Equatable {
    /// The settings the run used.
    public let config: TrainingConfig
    /// rows × 6 probabilities in the input's row order: out-of-fold for training clips,
    /// from the test prediction for test clips.
    public let probabilities: [Double]
    /// One report per training fold, in ascending fold order.
    public let folds: [FoldReport]
    /// The model trained on all folds (`full` test prediction only) and its epochs and losses.
    public let finalModel: TrainedModel?
    public let finalEpochs: Int?
    public let finalTrainLoss: [Double]
    /// The validation scorer on all out-of-fold probabilities together.
    public let outOfFold: ThresholdChoice
    /// `TrainingData.unlabelledRows` × 6 probabilities of the unlabelled clips, predicted as
    /// the test clips are (the final model, or the mean of the fold models).
    public let unlabelledProbabilities: [Double]
}
