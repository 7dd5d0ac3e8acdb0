import BlendCore
import BlendEngine
import BlendStore

// Use cases only the two non-product targets run: the demo generator (`BlendDemo`) builds its
// project through them and the bench (`BlendBench`) times them, so that neither opens a
// `ProjectStore` of its own.
extension ProjectSession {
    /// The demo's unlabelled copies: each `copy` clip takes its `original`'s probabilities and
    /// features, or (with `videos`) its video link, in one transaction.
    public func copyClipData(_ pairs: [(original: String, copy: String)], videos: Bool) throws {
        try store.copyClipData(pairs, videos: videos)
    }

    /// A feature matrix made in memory (not read from a file) stored for `encoder`, checked as
    /// an imported one is; errors name `sourceFile`.
    @discardableResult
    public func storeFeatures(_ matrix: FeatureMatrix, sourceFile: String, encoder: String,
                              modality: Modality = .unknown) throws -> FeaturesImportSummary {
        try store.storeFeatures(matrix, sourceFile: sourceFile, encoder: encoder, modality: modality)
    }

    /// Every encoder's probabilities over every clip: the read that opening a project pays.
    public func allProbabilities() throws -> ProbabilityTable { try store.allProbabilities() }

    /// Trains `request` in line, without recording a job (the bench's retraining check):
    /// the same preparation and run as `planTraining` then `runJob`.
    public func train(_ request: TrainingRequest) throws -> TrainingOutcome {
        try ProjectTraining.run(ProjectTraining.prepare(request, in: store), in: store)
    }
}
