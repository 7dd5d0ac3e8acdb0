import BlendCore
import Foundation

/// Which model of a training run a curve or weights belong to.
public enum TrainingStage: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Trained on the other folds, validated on fold `id`.
    case fold(Int)
    /// Trained on all training folds, to predict the test split.
    case final

    /// The `stage` column: the fold id, or -1 for the final model.
    var storedValue: Int {
        switch self {
        case .fold(let id): id
        case .final: -1
        }
    }

    init?(storedValue: Int) {
        if storedValue == -1 { self = .final } else if storedValue >= 0 { self = .fold(storedValue) } else { return nil }
    }

    public var description: String {
        switch self {
        case .fold(let id): "fold \(id)"
        case .final: "final"
        }
    }

    /// In JSON a fold is its id and the final model is `"final"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .fold(let id): try container.encode(id)
        case .final: try container.encode("final")
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(Int.self), id >= 0 {
            self = .fold(id)
        } else if try container.decode(String.self) == "final" {
            self = .final
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "a stage is a fold id or \"final\"")
        }
    }
}

/// One epoch of a training curve. Validation figures are nil for the final model, which
/// has no held-out clips.
public struct TrainingEpoch: Sendable, Hashable, Codable {
    public var stage: TrainingStage
    /// 1-based.
    public var epoch: Int
    public var trainLoss: Double
    public var validationLoss: Double?
    public var accPresence: Double?
    public var accSalience: Double?
    public var score: Double?
    /// The thresholds the epoch's search chose on the validation fold.
    public var thresholds: Thresholds?

    public init(stage: TrainingStage, epoch: Int, trainLoss: Double, validationLoss: Double? = nil,
                accPresence: Double? = nil, accSalience: Double? = nil, score: Double? = nil,
                thresholds: Thresholds? = nil) {
        self.stage = stage
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.validationLoss = validationLoss
        self.accPresence = accPresence
        self.accSalience = accSalience
        self.score = score
        self.thresholds = thresholds
    }
}

/// A trained model's weights as plain arrays (the engine's `TrainedModel`, without the
/// engine's types: the store sits below the engine).
public struct StoredModel: Sendable, Hashable, Codable {
    public var stage: TrainingStage
    /// The engine's architecture name (`mlp512`, ...).
    public var architecture: String
    public var inputWidth: Int
    public var dropout: Double
    /// The epoch whose weights these are, and how many epochs ran.
    public var bestEpoch: Int
    public var epochsRun: Int
    public var parameters: [Float]
    /// Batch-norm running statistics; empty without batch norm.
    public var state: [Float]
    /// The standardisation fitted on the model's training rows.
    public var mean: [Double]
    public var scale: [Double]

    public init(stage: TrainingStage, architecture: String, inputWidth: Int, dropout: Double, bestEpoch: Int,
                epochsRun: Int, parameters: [Float], state: [Float], mean: [Double], scale: [Double]) {
        self.stage = stage
        self.architecture = architecture
        self.inputWidth = inputWidth
        self.dropout = dropout
        self.bestEpoch = bestEpoch
        self.epochsRun = epochsRun
        self.parameters = parameters
        self.state = state
        self.mean = mean
        self.scale = scale
    }
}

/// Everything a finished training run stores, written by `storeTrainedEncoder` at once.
public struct TrainedEncoderRecord: Sendable {
    /// The new encoder's name.
    public var name: String
    /// The encoder whose features were trained on; the new encoder takes its modality.
    public var featureSource: String
    public var featureDimension: Int
    /// The run's settings as JSON (architecture, hyper-parameters, seed, threads, feature
    /// source): what a re-run decodes.
    public var config: String
    /// Clip names (file-name stems) and their probabilities, rows × 6 in class order.
    public var clips: [String]
    public var probabilities: [Double]
    /// Out-of-fold thresholds and metrics over the training clips.
    public var outOfFold: Thresholds
    public var outOfFoldMetrics: Metrics
    public var curves: [TrainingEpoch]
    public var models: [StoredModel]
    /// Wall time of the run.
    public var seconds: Double

    public init(name: String, featureSource: String, featureDimension: Int, config: String, clips: [String],
                probabilities: [Double], outOfFold: Thresholds, outOfFoldMetrics: Metrics,
                curves: [TrainingEpoch], models: [StoredModel], seconds: Double) {
        self.name = name
        self.featureSource = featureSource
        self.featureDimension = featureDimension
        self.config = config
        self.clips = clips
        self.probabilities = probabilities
        self.outOfFold = outOfFold
        self.outOfFoldMetrics = outOfFoldMetrics
        self.curves = curves
        self.models = models
        self.seconds = seconds
    }
}

/// A stored training run as listings show it.
public struct TrainingRunInfo: Sendable, Hashable, Codable {
    /// The trained encoder.
    public let encoder: String
    public let featureSource: String
    public let featureDimension: Int
    /// The run's settings, JSON.
    public let config: String
    public let trainClips: Int
    public let testClips: Int
    public let thresholds: Thresholds
    public let accPresence: Double
    public let accSalience: Double
    public let score: Double
    public let seconds: Double
    public let created: Date
}
