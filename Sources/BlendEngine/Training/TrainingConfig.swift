import BlendCore

/// What decides that a fold's training is as good as it gets.
public enum EarlyStopCriterion: String, Sendable, Codable, Hashable, CaseIterable {
    /// The validation Score at the best α/β of the official grid, searched again each epoch.
    case score
    /// The validation KL loss.
    case loss
}

/// How the test split is predicted after cross-validation.
public enum TestPrediction: String, Sendable, Codable, Hashable, CaseIterable {
    /// One model trained on all training folds for the mean best epoch of the folds.
    case full
    /// The mean of the fold models' probabilities.
    case average
}

/// Every choice a training run depends on; with the same data, config and OpenBLAS thread
/// count a run is reproducible bit for bit.
public struct TrainingConfig: Sendable, Codable, Hashable {
    public var architecture: Architecture
    /// Maximum epochs per fold.
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Double
    public var weightDecay: Double
    /// Probability of the dropout layers (unused by `linear`).
    public var dropout: Double
    /// Epochs without improvement before a fold stops; 0 trains every epoch. Either way the
    /// weights of the best epoch are the ones kept.
    public var patience: Int
    public var seed: UInt64
    public var earlyStopping: EarlyStopCriterion
    public var testPrediction: TestPrediction
    /// OpenBLAS threads (a process-wide setting); nil leaves the current one.
    public var threads: Int?

    /// Defaults follow the challenge baselines (batch 32, lr 5e-4, weight decay 1e-4,
    /// 100 epochs) and the reference system's dropout of 0.3.
    public init(architecture: Architecture = .mlp512, epochs: Int = 100, batchSize: Int = 32,
                learningRate: Double = 5e-4, weightDecay: Double = 1e-4, dropout: Double = 0.3,
                patience: Int = 10, seed: UInt64 = 0, earlyStopping: EarlyStopCriterion = .score,
                testPrediction: TestPrediction = .full, threads: Int? = nil) {
        self.architecture = architecture
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.weightDecay = weightDecay
        self.dropout = dropout
        self.patience = patience
        self.seed = seed
        self.earlyStopping = earlyStopping
        self.testPrediction = testPrediction
        self.threads = threads
    }

    var adam: AdamSettings { AdamSettings(learningRate: learningRate, weightDecay: weightDecay) }

    /// The first thing wrong with the settings, if any.
    public func problem() -> String? {
        if epochs < 1 { return "epochs must be at least 1 (got \(epochs))" }
        if batchSize < 1 { return "batch size must be at least 1 (got \(batchSize))" }
        if architecture.usesBatchStatistics && batchSize < 2 {
            return "\(architecture.rawValue) uses batch normalisation: batch size must be at least 2"
        }
        if !(learningRate > 0) || !learningRate.isFinite { return "learning rate must be positive (got \(learningRate))" }
        if !(weightDecay >= 0) || !weightDecay.isFinite { return "weight decay must be ≥ 0 (got \(weightDecay))" }
        if !(dropout >= 0 && dropout < 1) { return "dropout must lie in [0, 1) (got \(dropout))" }
        if patience < 0 { return "patience must be ≥ 0 (got \(patience))" }
        if let threads, threads < 1 { return "threads must be at least 1 (got \(threads))" }
        // The documented upper bounds too, so a stored run (`train --rerun`) or the TUI's form
        // cannot ask for a million epochs the command line would refuse.
        let checks: [(Bool, () -> String)] = [
            (UserLimits.epochs.admits(epochs), { UserLimits.epochs.message("epochs", got: epochs.limitText) }),
            (UserLimits.batchSize.admits(batchSize), { UserLimits.batchSize.message("batch size", got: batchSize.limitText) }),
            (UserLimits.learningRate.admits(learningRate),
             { UserLimits.learningRate.message("learning rate", got: learningRate.limitText) }),
            (UserLimits.weightDecay.admits(weightDecay), { UserLimits.weightDecay.message("weight decay", got: weightDecay.limitText) }),
            (UserLimits.dropout.admits(dropout), { UserLimits.dropout.message("dropout", got: dropout.limitText) }),
            (UserLimits.patience.admits(patience), { UserLimits.patience.message("patience", got: patience.limitText) }),
            (threads.map(UserLimits.threads.admits) ?? true, { UserLimits.threads.message("threads", got: (threads ?? 0).limitText) }),
        ]
        return checks.first { !$0.0 }.map { $0.1() }
    }
}
