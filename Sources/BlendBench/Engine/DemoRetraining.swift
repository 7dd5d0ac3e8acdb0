import BlendApp
import BlendDemo
import BlendEngine
import BlendCore
import BlendStore
import Foundation

/// One demo encoder retrained from its features, beside the probabilities the demo ships.
public struct DemoRetrainingRow: Sendable, Codable, Hashable {
    public let encoder: String
    public let featureDimension: Int
    /// Out-of-fold over the training clips, at the official grid's best α/β.
    public let shipped: ThresholdChoice
    public let retrained: ThresholdChoice
    public let seconds: Double
    /// Epochs each fold ran (early stopping) and the final model's.
    public let epochsRun: [Int]
    public let finalEpochs: Int?

    public var gain: Double { retrained.metrics.score - shipped.metrics.score }
}

/// The acceptance check: on the demo project, retraining every encoder from its
/// features gives probabilities at least as good (Score at the official grid) as the shipped
/// ones. Builds the demo project in `directory` through BlendApp's importers, then trains
/// each encoder through `ProjectTraining`, as `blendscope train` does (in line, no job).
public enum DemoRetraining {
    /// - Parameter encoders: the demo encoders to retrain, by name; nil retrains all twelve.
    public static func run(config: TrainingConfig, directory: URL, seed: UInt64 = 2026, encoders: Set<String>? = nil,
                           onRow: (DemoRetrainingRow) -> Void = { _ in }) throws -> [DemoRetrainingRow] {
        let dataset = DemoGenerator(seed: seed).generate()
        let session = try ProjectSession(path: directory.appendingPathComponent("demo-retraining.sqlite").path, create: true)
        let metadata = try [Split.train, .test].map { split in
            let url = directory.appendingPathComponent("\(split.rawValue)_metadata.csv")
            try Data(dataset.metadataCSV(split: split).utf8).write(to: url)
            return url
        }
        _ = try session.importMetadata(files: metadata.map(\.path))
        let names = dataset.clipInfos.map(\.name)
        var rows: [DemoRetrainingRow] = []
        for (e, spec) in dataset.encoders.enumerated() where encoders?.contains(spec.name) ?? true {
            let csv = directory.appendingPathComponent("probs_\(e).csv")
            try Data(dataset.probabilitiesCSV(encoder: e).utf8).write(to: csv)
            _ = try session.importProbabilities(file: csv.path, encoder: spec.name)
            let features = dataset.features(encoder: e)
            try session.storeFeatures(FeatureMatrix(names: names, columns: features.columns, values: features.values),
                                    sourceFile: "\(spec.name).npz", encoder: spec.name)
            let shipped = try session.scoredClips(.encoder(spec.name)).filter { $0.split == .train }
            let outcome = try session.train(TrainingRequest(encoder: spec.name, config: config))
            let row = DemoRetrainingRow(encoder: spec.name, featureDimension: features.columns,
                                        shipped: ThresholdSearch.sweep(shipped), retrained: outcome.result.outOfFold,
                                        seconds: outcome.run.seconds, epochsRun: outcome.result.folds.map(\.epochsRun),
                                        finalEpochs: outcome.result.finalEpochs)
            rows.append(row)
            onRow(row)
        }
        return rows
    }
}
