import BlendCore

/// One epoch of one fold: the curves the store keeps.
public struct EpochRecord: Sendable, Codable, Hashable {
    public let epoch: Int
    public let trainLoss: Double
    public let validationLoss: Double
    public let accPresence: Double
    public let accSalience: Double
    public let score: Double
    /// The thresholds the epoch's search chose.
    public let thresholds: Thresholds
}

/// A fold's training: its curve, the epoch whose weights were kept, and that model.
public struct FoldReport: Sendable, Codable, Equatable {
    public let fold: Int
    public let bestEpoch: Int
    public let epochsRun: Int
    public let curve: [EpochRecord]
    public let model: TrainedModel

    public var best: EpochRecord { curve[bestEpoch - 1] }
}

/// Everything a cross-validated training run produces, as values.
public struct CrossValidationResult: Sendable, Codable, Equatable {
    public let config: TrainingConfig
    /// rows × 6 probabilities in the input's row order: out-of-fold for training clips,
    /// from the test prediction for test clips.
    public let probabilities: [Double]
    public let folds: [FoldReport]
    /// The model trained on all folds (`full` test prediction only) and its epochs and losses.
    public let finalModel: TrainedModel?
    public let finalEpochs: Int?
    public let finalTrainLoss: [Double]
    /// The validation scorer on all out-of-fold probabilities together.
    public let outOfFold: ThresholdChoice
}
