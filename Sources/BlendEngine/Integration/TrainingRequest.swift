/// What to retrain in a project: an encoder's head, on some encoder's features, with settings.
public struct TrainingRequest: Sendable, Codable, Hashable {
    /// The encoder being retrained; it names the result and, by default, the features.
    public var encoder: String
    /// The encoder whose features are trained on; nil means `encoder`'s own.
    public var features: String?
    /// The new encoder's name; nil means `"<encoder>-<architecture>"`.
    public var name: String?
    public var config: TrainingConfig
    /// Replace a trained encoder of the same name (never an imported or fused one).
    public var replace: Bool

    public init(encoder: String, features: String? = nil, name: String? = nil, config: TrainingConfig = TrainingConfig(),
                replace: Bool = false) {
        self.encoder = encoder
        self.features = features
        self.name = name
        self.config = config
        self.replace = replace
    }

    /// The encoder whose features are used.
    public var featureSource: String { features ?? encoder }

    /// The name the trained encoder gets.
    public var outputName: String { name ?? "\(encoder)-\(config.architecture.rawValue)" }
}

/// The configuration a trained encoder keeps (its `config` JSON): enough to run it again and
/// to check that the features still fit its models.
public struct StoredTrainingConfig: Sendable, Codable, Hashable {
    /// Bumped if the layout ever changes.
    public var version = 1
    public var encoder: String
    public var features: String
    public var featureDimension: Int
    /// The settings, with `threads` set to the OpenBLAS thread count actually used (a run
    /// is reproducible bit for bit only with the same count).
    public var training: TrainingConfig
}
