import BlendCore
import BlendStore
import Foundation

/// A training request checked against its project, with everything loaded: ready to run.
public struct PreparedTraining: Sendable {
    /// The request, its `threads` filled in with the count the run will use.
    public let request: TrainingRequest
    /// The project's clips in training order (the store's clip order).
    public let clips: [ClipInfo]
    /// Features, labels and folds in `clips` order (test clips have no fold), and the feature
    /// rows of `unlabelled`.
    public let data: TrainingData
    /// The unlabelled test clips that have features, in the store's order: predicted by the run
    /// like the test split (never trained on), so the trained encoder covers the submission.
    /// Those without features are left without predictions, as any encoder may lack clips.
    public let unlabelled: [String]
    /// What the trained encoder's `config` JSON will hold.
    public let stored: StoredTrainingConfig
}

/// What a finished run reports.
public struct TrainingOutcome: Sendable {
    /// The run as the store now lists it.
    public let run: TrainingRunInfo
    /// Everything cross-validation produced, in `PreparedTraining.clips` order.
    public let result: CrossValidationResult
}

/// The glue between the store and the engine, below every front end (CLI verbs, the TUI):
/// read features and folds from a project, check them, cross-validate, store the result as a
/// trained encoder. Nothing is written unless the run finishes.
public enum ProjectTraining {
    /// Loads and checks everything the request needs; no training starts here.
    ///
    /// - Parameter expectedDimension: the feature width of the models a re-run repeats.
    /// - Throws: `StoreError.unknownEncoder`, `TrainingSetupError` (no features, clips
    ///   without features or folds, NaN, a width the stored models do not take, the output
    ///   name taken), `TrainingError.invalidConfig`.
    public static func prepare(_ request: TrainingRequest, in store: ProjectStore,
                               expectedDimension: Int? = nil) throws -> PreparedTraining {
        if let problem = request.config.problem() { throw TrainingError.invalidConfig(problem) }
        let encoders = try store.encoders()
        guard encoders.contains(where: { $0.name == request.encoder }) else {
            throw StoreError.unknownEncoder(request.encoder)
        }
        let source = request.featureSource
        if let taken = encoders.first(where: { $0.name == request.outputName }) {
            guard request.replace && taken.source == .trained else {
                throw TrainingSetupError.nameTaken(name: request.outputName, source: taken.source.rawValue)
            }
            // Replacing deletes the old encoder, which the store refuses while a fusion uses
            // it: say so now rather than after the training.
            if let fusion = try store.fusions().first(where: { $0.spec.weights.contains { $0.encoder == taken.name } }) {
                throw TrainingSetupError.replacedInUse(name: taken.name, fusion: fusion.spec.name)
            }
        }
        guard let matrix = try store.features(encoder: source) else { throw TrainingSetupError.noFeatures(encoder: source) }
        let clips = try store.clips()

        let train = clips.filter { $0.split == .train }
        let foldless = train.filter { $0.fold == nil }.map(\.name)
        let folds = Set(train.compactMap(\.fold))
        guard folds.count >= 2 else { throw TrainingSetupError.notEnoughFolds(found: folds.count) }
        guard foldless.isEmpty else {
            throw TrainingSetupError.trainingClipsWithoutFold(clips: Array(foldless.prefix(TrainingSetupError.namesShown)),
                                                              total: foldless.count)
        }
        if let expectedDimension, expectedDimension != matrix.columns {
            throw TrainingSetupError.dimensionMismatch(run: request.outputName, features: source,
                                                       expected: expectedDimension, found: matrix.columns)
        }

        // `features(encoder:)` returns rows in clip order, so both lists can be walked together.
        var row = [String: Int](minimumCapacity: matrix.rows)
        for (i, name) in matrix.names.enumerated() { row[name] = i }
        let missing = clips.filter { row[$0.name] == nil }.map(\.name)
        guard missing.isEmpty else {
            throw TrainingSetupError.missingFeatures(encoder: source, clips: Array(missing.prefix(TrainingSetupError.namesShown)),
                                                     total: missing.count)
        }
        var features = [Float]()
        features.reserveCapacity(clips.count * matrix.columns)
        for clip in clips {
            let values = matrix.row(row[clip.name]!)
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw TrainingSetupError.nonFiniteFeature(encoder: source, clip: clip.name,
                                                          column: bad - values.startIndex + 1)
            }
            features.append(contentsOf: values)
        }
        let unlabelled = try store.unlabelledClips().map(\.name).filter { row[$0] != nil }
        var unlabelledFeatures = [Float]()
        unlabelledFeatures.reserveCapacity(unlabelled.count * matrix.columns)
        for name in unlabelled {
            guard let r = row[name] else { continue }
            let values = matrix.row(r)
            if let bad = values.firstIndex(where: { !$0.isFinite }) {
                throw TrainingSetupError.nonFiniteFeature(encoder: source, clip: name, column: bad - values.startIndex + 1)
            }
            unlabelledFeatures.append(contentsOf: values)
        }
        let data = TrainingData(features: features, columns: matrix.columns, labels: clips.map(\.label),
                                folds: clips.map { $0.split == .train ? $0.fold : nil },
                                unlabelledFeatures: unlabelledFeatures)
        try data.validate()
        var config = request.config
        config.threads = config.threads ?? Gemm.threads
        let stored = StoredTrainingConfig(encoder: request.encoder, features: source, featureDimension: matrix.columns,
                                          training: config)
        var checked = request
        checked.config = config
        return PreparedTraining(request: checked, clips: clips, data: data, unlabelled: unlabelled, stored: stored)
    }

    /// The request that repeats trained encoder `encoder`'s run (same features, settings,
    /// seed and threads), and the feature width its models take.
    public static func storedRequest(encoder: String, in store: ProjectStore) throws -> (TrainingRequest, dimension: Int) {
        let run = try store.trainingRun(encoder: encoder)
        guard let stored = try? JSONDecoder().decode(StoredTrainingConfig.self, from: Data(run.config.utf8)) else {
            throw TrainingSetupError.unreadableConfig(encoder: encoder)
        }
        return (TrainingRequest(encoder: stored.encoder, features: stored.features, name: encoder, config: stored.training),
                stored.featureDimension)
    }

    /// Cross-validates and stores the result as a trained encoder, in one transaction at the
    /// end: a failed or cancelled run leaves the project as it was.
    ///
    /// - Throws: `CancellationError` when `isCancelled` says so (checked before every batch).
    public static func run(_ prepared: PreparedTraining, in store: ProjectStore,
                           progress: @Sendable (TrainingProgress) -> Void = { _ in },
                           isCancelled: @Sendable () -> Bool = { false }) throws -> TrainingOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try CrossValidation.run(prepared.data, config: prepared.request.config, progress: progress,
                                             isCancelled: isCancelled)
        if isCancelled() { throw CancellationError() }
        let seconds = start.duration(to: clock.now).inSeconds
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let config = String(decoding: try encoder.encode(prepared.stored), as: UTF8.self)
        let record = TrainedEncoderRecord(
            name: prepared.request.outputName, featureSource: prepared.stored.features,
            featureDimension: prepared.stored.featureDimension, config: config,
            clips: prepared.clips.map(\.name) + prepared.unlabelled,
            probabilities: result.probabilities + result.unlabelledProbabilities, outOfFold: result.outOfFold.thresholds,
            outOfFoldMetrics: result.outOfFold.metrics, curves: curves(of: result), models: models(of: result),
            seconds: seconds)
        let run = try store.storeTrainedEncoder(record, replace: prepared.request.replace)
        return TrainingOutcome(run: run, result: result)
    }

    static func curves(of result: CrossValidationResult) -> [TrainingEpoch] {
        var curves = result.folds.flatMap { fold in
            fold.curve.map { e in
                TrainingEpoch(stage: .fold(fold.fold), epoch: e.epoch, trainLoss: e.trainLoss,
                              validationLoss: e.validationLoss, accPresence: e.accPresence,
                              accSalience: e.accSalience, score: e.score, thresholds: e.thresholds)
            }
        }
        curves += result.finalTrainLoss.enumerated().map { TrainingEpoch(stage: .final, epoch: $0 + 1, trainLoss: $1) }
        return curves
    }

    static func models(of result: CrossValidationResult) -> [StoredModel] {
        var models = result.folds.map { StoredModel($0.model, stage: .fold($0.fold), bestEpoch: $0.bestEpoch,
                                                    epochsRun: $0.epochsRun) }
        if let final = result.finalModel, let epochs = result.finalEpochs {
            models.append(StoredModel(final, stage: .final, bestEpoch: epochs, epochsRun: epochs))
        }
        return models
    }
}
