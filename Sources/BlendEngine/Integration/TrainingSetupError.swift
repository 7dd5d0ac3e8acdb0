/// A project that cannot be trained on as asked, found before any training starts.
public enum TrainingSetupError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The encoder exists but has no features.
    case noFeatures(encoder: String)
    /// Clips of the project without a feature row: the first few names and how many in all.
    case missingFeatures(encoder: String, clips: [String], total: Int)
    /// A NaN or infinity in a stored feature vector (1-based column).
    case nonFiniteFeature(encoder: String, clip: String, column: Int)
    /// No training clip has a fold, or they all share one.
    case notEnoughFolds(found: Int)
    /// Training clips without a fold cannot be placed in cross-validation.
    case trainingClipsWithoutFold(clips: [String], total: Int)
    /// A stored run's models take `expected` features per clip; the features have `found`.
    case dimensionMismatch(run: String, features: String, expected: Int, found: Int)
    /// The output name belongs to an encoder that cannot be replaced (or `replace` was not asked).
    case nameTaken(name: String, source: String)
    /// The trained encoder to replace is used by a saved fusion.
    case replacedInUse(name: String, fusion: String)
    /// A stored configuration that does not decode.
    case unreadableConfig(encoder: String)

    /// How many clip names an error lists before it says "and N more".
    static let namesShown = 5

    public var description: String {
        switch self {
        case .noFeatures(let encoder):
            return "encoder '\(encoder)' has no features to train on (import them with `blendscope import PROJECT --features FILE --encoder \(encoder)`)"
        case .missingFeatures(let encoder, let clips, let total):
            return "\(total) clip\(total == 1 ? "" : "s") of the project \(total == 1 ? "has" : "have") no features from '\(encoder)': "
                + Self.list(clips, total: total)
        case .nonFiniteFeature(let encoder, let clip, let column):
            return "the features of '\(encoder)' for clip '\(clip)' hold a NaN or infinity in column \(column)"
        case .notEnoughFolds(let found):
            return found == 0
                ? "the project has no training folds: import training metadata with a 'fold' column first"
                : "cross-validation needs training clips in at least 2 folds; the project has \(found)"
        case .trainingClipsWithoutFold(let clips, let total):
            return "\(total) training clip\(total == 1 ? "" : "s") \(total == 1 ? "has" : "have") no fold: " + Self.list(clips, total: total)
        case .dimensionMismatch(let run, let features, let expected, let found):
            return "the models of '\(run)' take \(expected) features per clip, but '\(features)' now has \(found)"
        case .nameTaken(let name, let source):
            return source == "trained"
                ? "a trained encoder named '\(name)' already exists (choose another with --as, or replace it with --replace)"
                : "an \(source) encoder named '\(name)' already exists; choose another name with --as"
        case .replacedInUse(let name, let fusion):
            return "cannot replace '\(name)': fusion '\(fusion)' uses it (choose another name with --as)"
        case .unreadableConfig(let encoder):
            return "the stored training settings of '\(encoder)' cannot be read"
        }
    }

    private static func list(_ names: [String], total: Int) -> String {
        names.joined(separator: ", ") + (total > names.count ? " and \(total - names.count) more" : "")
    }
}
