import BlendCore

/// One fold of cross-validation: train on the other folds, validate on this one every epoch,
/// keep the best epoch's weights, stop after `patience` epochs without improvement.
final class FoldRun {
    private let config: TrainingConfig
    private let standardiser: Standardiser
    private let fit: PackedRows
    private let validation: PackedRows
    private let validationRows: [Int]
    private let validationClips: [ClipInfo]
    private let trainer: ModelTrainer
    private var bestProbabilities: [Double] = []

    init(data: TrainingData, targets: [Float], clips: [ClipInfo], config: TrainingConfig,
         fitRows: [Int], validationRows: [Int], seed: UInt64) {
        self.config = config
        standardiser = Standardiser(fitting: data.features, columns: data.columns, rows: fitRows)
        fit = PackedRows(data, targets: targets, rows: fitRows, standardiser: standardiser)
        validation = PackedRows(data, targets: targets, rows: validationRows, standardiser: standardiser)
        self.validationRows = validationRows
        validationClips = validationRows.map { clips[$0] }
        trainer = ModelTrainer(config: config, inputWidth: data.columns, trainingRows: fitRows.count, seed: seed)
    }

    /// Trains up to `config.epochs` epochs; `onEpoch` gets each epoch's record and the
    /// maximum epoch count.
    func train(fold: Int, scorer: ValidationScorer, isCancelled: () -> Bool,
               onEpoch: (EpochRecord, Int) -> Void) throws -> FoldReport {
        var curve: [EpochRecord] = []
        var bestEpoch = 0
        var bestValue = -Double.infinity
        var snapshot = trainer.snapshot()
        var probabilities = [Double](repeating: 0, count: validation.count * Emotion.count)
        for epoch in 1...config.epochs {
            let trainLoss = try fit.features.withUnsafeBufferPointer { x in
                try fit.targets.withUnsafeBufferPointer { t in
                    try trainer.trainEpoch(features: x.baseAddress!, targets: t.baseAddress!, rows: fit.count,
                                           isCancelled: isCancelled)
                }
            }
            let validationLoss = validation.features.withUnsafeBufferPointer { x in
                validation.targets.withUnsafeBufferPointer { t in
                    probabilities.withUnsafeMutableBufferPointer { p in
                        trainer.predict(features: x.baseAddress!, rows: validation.count, targets: t.baseAddress!,
                                        into: p.baseAddress!) ?? 0
                    }
                }
            }
            let choice = scorer(ScoredClips(clips: validationClips, probabilities: probabilities))
            let record = EpochRecord(epoch: epoch, trainLoss: trainLoss, validationLoss: validationLoss,
                                     accPresence: choice.metrics.accPresence, accSalience: choice.metrics.accSalience,
                                     score: choice.metrics.score, thresholds: choice.thresholds)
            curve.append(record)
            // Higher is better for both criteria once the loss is negated; ties keep the earlier epoch.
            let value = config.earlyStopping == .score ? record.score : -validationLoss
            if value > bestValue || bestEpoch == 0 {
                bestValue = value
                bestEpoch = epoch
                snapshot = trainer.snapshot()
                bestProbabilities = probabilities
            }
            onEpoch(record, config.epochs)
            if config.patience > 0 && epoch - bestEpoch >= config.patience { break }
        }
        let model = TrainedModel(architecture: config.architecture, inputWidth: trainer.network.inputWidth,
                                 dropout: config.dropout, parameters: snapshot.parameters, state: snapshot.state,
                                 standardiser: standardiser)
        return FoldReport(fold: fold, bestEpoch: bestEpoch, epochsRun: curve.count, curve: curve, model: model)
    }

    /// Writes the best epoch's validation probabilities into the all-clips matrix.
    func copyValidationProbabilities(into all: inout [Double]) {
        for (k, r) in validationRows.enumerated() {
            for c in 0..<Emotion.count { all[r * Emotion.count + c] = bestProbabilities[k * Emotion.count + c] }
        }
    }
}
