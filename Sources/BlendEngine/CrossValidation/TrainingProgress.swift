/// One report per finished epoch, for progress bars and JSON lines.
public struct TrainingProgress: Sendable, Hashable, Codable {
    /// What is being trained.
    public enum Stage: Sendable, Hashable, Codable {
        /// Training with fold `id` held out for validation.
        case fold(id: Int)
        /// Training on all training folds to predict the test split.
        case final
    }

    public let stage: Stage
    /// 1-based position of this stage among `stageCount` (folds, then the final model).
    public let stageIndex: Int
    public let stageCount: Int
    /// 1-based epoch within the stage, of at most `epochs`.
    public let epoch: Int
    public let epochs: Int
    public let trainLoss: Double
    /// Validation loss and Score at the epoch's best thresholds; nil for the final model.
    public let validationLoss: Double?
    public let validationScore: Double?
    public let elapsedSeconds: Double
    /// Estimated seconds left, from the mean epoch time so far; an upper bound when early
    /// stopping cuts folds short.
    public let remainingSeconds: Double
    /// Share of the planned epochs done, 0...1.
    public let fractionDone: Double
}
