/// Bad input to training or inference, found before any work starts.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
    case noClips
    case noFeatureColumns
    /// The feature array does not hold rows × columns values.
    case featureShape(values: Int, rows: Int, columns: Int)
    case countMismatch(what: String, count: Int, rows: Int)
    /// A NaN or infinity; row and column are 0-based.
    case nonFiniteFeature(row: Int, column: Int)
    /// No training clip has a fold, or all training clips share one.
    case notEnoughFolds(found: Int)
    case emptyTrainingSet(fold: Int)
    case invalidConfig(String)
    /// Features of a different width than the stored model was trained on.
    case dimensionMismatch(expected: Int, got: Int)
    /// Stored weights that do not fit their own architecture.
    case corruptModel(String)

    public var description: String {
        switch self {
        case .noClips: "no clips to train on"
        case .noFeatureColumns: "the features have no columns"
        case .featureShape(let values, let rows, let columns):
            "the feature matrix holds \(values) values, expected \(rows) rows × \(columns) columns"
        case .countMismatch(let what, let count, let rows): "\(count) \(what) for \(rows) feature rows"
        case .nonFiniteFeature(let row, let column):
            "feature row \(row + 1), column \(column + 1) is not a finite number"
        case .notEnoughFolds(let found):
            "cross-validation needs training clips in at least 2 folds (found \(found)); does the project have folds?"
        case .emptyTrainingSet(let fold): "fold \(fold) leaves too few clips to train on"
        case .invalidConfig(let why): "invalid training settings: \(why)"
        case .dimensionMismatch(let expected, let got):
            "the model expects \(expected) features per clip, these have \(got)"
        case .corruptModel(let why): "the stored model is damaged: \(why)"
        }
    }
}
