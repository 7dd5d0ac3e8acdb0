import Foundation

/// A job's live figures, as its work reports them and the store keeps them (`job.metrics`):
/// one typed set of names for the work, the store, the CLI and the workbench. Stored and
/// printed as the JSON object it has always been (`{"epoch":3,"loss":0.9}`, keys sorted).
public struct JobMetrics: Sendable, Hashable, Codable, ExpressibleByDictionaryLiteral {
    /// Every figure a job reports; the raw values are the stored keys.
    public enum Key: String, Sendable, Hashable, CaseIterable {
        /// The Score so far (a fusion's best, a training fold's validation).
        case score
        /// Training loss of the last epoch.
        case loss
        case epoch
        /// The training stage's index (fold 1…5, then the final model).
        case stage
        case etaSeconds = "eta_seconds"
        case validationLoss = "validation_loss"
    }

    public private(set) var values: [Key: Double]

    public init(_ values: [Key: Double] = [:]) {
        self.values = values
    }

    public init(dictionaryLiteral elements: (Key, Double)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    public subscript(key: Key) -> Double? {
        get { values[key] }
        set { values[key] = newValue }
    }

    public var score: Double? { values[.score] }
    public var loss: Double? { values[.loss] }
    public var epoch: Double? { values[.epoch] }

    /// The stored form: each figure under its key's name.
    public var figures: [String: Double] {
        Dictionary(uniqueKeysWithValues: values.map { ($0.key.rawValue, $0.value) })
    }

    /// From the stored form; names this version does not know (a newer one's) are left out.
    public init(figures: [String: Double]) {
        self.init(Dictionary(uniqueKeysWithValues: figures.compactMap { name, value in Key(rawValue: name).map { ($0, value) } }))
    }

    public init(from decoder: any Decoder) throws {
        self.init(figures: try decoder.singleValueContainer().decode([String: Double].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(figures)
    }
}
