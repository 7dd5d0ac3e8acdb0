import BlendCore

/// What cross-validation trains on: one feature row, label and fold per clip.
public struct TrainingData: Sendable {
    /// Row-major rows × columns features, as extracted (standardisation happens per fold).
    public let features: [Float]
    /// Features per clip.
    public let columns: Int
    /// Each clip's label; test clips' labels are never used for training or model choice.
    public let labels: [Label]
    /// The clip's training fold, or nil for a test clip.
    public let folds: [Int?]
    /// Raw feature rows of unlabelled test clips (rows × `columns`): never trained on or
    /// scored, only predicted the way the test split is, so a trained encoder covers the
    /// clips a submission needs.
    public let unlabelledFeatures: [Float]

    public init(features: [Float], columns: Int, labels: [Label], folds: [Int?], unlabelledFeatures: [Float] = []) {
        self.features = features
        self.columns = columns
        self.labels = labels
        self.folds = folds
        self.unlabelledFeatures = unlabelledFeatures
    }

    /// Unlabelled clips to predict.
    public var unlabelledRows: Int { columns > 0 ? unlabelledFeatures.count / columns : 0 }

    /// Clips, training and test.
    public var rows: Int { labels.count }

    /// The distinct training folds, ascending.
    public var foldIDs: [Int] { Array(Set(folds.compactMap { $0 })).sorted() }

    /// Throws the first problem that would make training meaningless or crash.
    public func validate() throws(TrainingError) {
        guard !labels.isEmpty else { throw .noClips }
        guard columns > 0 else { throw .noFeatureColumns }
        guard features.count == labels.count * columns else {
            throw .featureShape(values: features.count, rows: labels.count, columns: columns)
        }
        guard folds.count == labels.count else {
            throw .countMismatch(what: "fold entries", count: folds.count, rows: labels.count)
        }
        if let bad = features.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteFeature(row: bad / columns, column: bad % columns)
        }
        guard unlabelledFeatures.count % columns == 0 else {
            throw .featureShape(values: unlabelledFeatures.count, rows: unlabelledRows, columns: columns)
        }
        if let bad = unlabelledFeatures.firstIndex(where: { !$0.isFinite }) {
            throw .nonFiniteFeature(row: labels.count + bad / columns, column: bad % columns)
        }
        let ids = foldIDs
        guard ids.count >= 2 else { throw .notEnoughFolds(found: ids.count) }
    }
}
