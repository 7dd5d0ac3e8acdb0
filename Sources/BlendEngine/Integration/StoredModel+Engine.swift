import BlendStore

extension StoredModel {
    /// The store's form of an engine model.
    public init(_ model: TrainedModel, stage: TrainingStage, bestEpoch: Int, epochsRun: Int) {
        self.init(stage: stage, architecture: model.architecture.rawValue, inputWidth: model.inputWidth,
                  dropout: model.dropout, bestEpoch: bestEpoch, epochsRun: epochsRun, parameters: model.parameters,
                  state: model.state, mean: model.standardiser.mean, scale: model.standardiser.scale)
    }
}

extension TrainedModel {
    /// The engine model a stored one holds.
    ///
    /// - Throws: `TrainingError.corruptModel` for an unknown architecture or a standardiser
    ///   whose arrays disagree; weights that do not fit are caught when predicting.
    public init(_ stored: StoredModel) throws {
        guard let architecture = Architecture(rawValue: stored.architecture) else {
            throw TrainingError.corruptModel("unknown architecture '\(stored.architecture)'")
        }
        guard stored.mean.count == stored.scale.count else {
            throw TrainingError.corruptModel("\(stored.mean.count) means but \(stored.scale.count) scales")
        }
        self.init(architecture: architecture, inputWidth: stored.inputWidth, dropout: stored.dropout,
                  parameters: stored.parameters, state: stored.state,
                  standardiser: Standardiser(mean: stored.mean, scale: stored.scale))
    }
}
