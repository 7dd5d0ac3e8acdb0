/// What a metadata import did, for the CLI to print (or encode as JSON).
public struct MetadataImportSummary: Sendable, Hashable, Codable {
    /// The file as the caller named it.
    public let file: String
    /// Data rows in the file.
    public let rows: Int
    /// Clips new to the project.
    public let added: Int
    /// Rows identical to clips the project already had (re-importing a file is harmless).
    public let unchanged: Int
    public let train: Int
    public let test: Int
    /// Training rows per fold 0–4.
    public let folds: [Int]
    /// Distinct actors in the file.
    public let actors: Int
    /// Unlabelled test clips in the file (`test_0001.mov`), counted in `test` too.
    public let unlabelled: Int
}

/// What a probabilities import did.
public struct ProbabilitiesImportSummary: Sendable, Hashable, Codable {
    public let file: String
    public let encoder: String
    /// Data rows in the file, one clip each.
    public let rows: Int
    public let train: Int
    public let test: Int
    /// Project clips this encoder has no prediction for.
    public let missing: Int
    /// Rows the encoder had before and that this import replaced (0 for a new encoder).
    public let replaced: Int
    /// Whether every row was divided by its sum.
    public let normalized: Bool
    /// Unlabelled test clips this import added to the project (`unlabelled: true`).
    public let created: Int
}

/// What a features import did.
public struct FeaturesImportSummary: Sendable, Hashable, Codable {
    public let file: String
    public let encoder: String
    public let rows: Int
    public let dimension: Int
    public let train: Int
    public let test: Int
    /// Rows of an earlier feature set of this encoder that this import replaced.
    public let replaced: Int
}
