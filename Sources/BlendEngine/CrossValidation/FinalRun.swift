/// The model for the test split: trained on every training fold for a fixed number of epochs.
final class FinalRun {
    private let config: TrainingConfig
    private let standardiser: Standardiser
    private let fit: PackedRows
    private let trainer: ModelTrainer

    init(data: TrainingData, targets: [Float], config: TrainingConfig, fitRows: [Int], seed: UInt64) {
        self.config = config
        standardiser = Standardiser(fitting: data.features, columns: data.columns, rows: fitRows)
        fit = PackedRows(data, targets: targets, rows: fitRows, standardiser: standardiser)
        trainer = ModelTrainer(config: config, inputWidth: data.columns, trainingRows: fitRows.count, seed: seed)
    }

    /// Trains `epochs` epochs and returns the training loss of each.
    func train(epochs: Int, isCancelled: () -> Bool, onEpoch: (Int, Double) -> Void) throws -> [Double] {
        var losses: [Double] = []
        for epoch in 1...epochs {
            let loss = try fit.features.withUnsafeBufferPointer { x in
                try fit.targets.withUnsafeBufferPointer { t in
                    try trainer.trainEpoch(features: x.baseAddress!, targets: t.baseAddress!, rows: fit.count,
                                           isCancelled: isCancelled)
                }
            }
            losses.append(loss)
            onEpoch(epoch, loss)
        }
        return losses
    }

    func model() -> TrainedModel {
        let s = trainer.snapshot()
        return TrainedModel(architecture: config.architecture, inputWidth: trainer.network.inputWidth,
                            dropout: config.dropout, parameters: s.parameters, state: s.state, standardiser: standardiser)
    }
}
