import BlendCore
import BlendStore

extension ProjectSession {
    /// `use`: makes the named source current (when one is named) and stores thresholds for it
    /// (or for the current source): α and β as given, over `at` (`.best` stores the source's
    /// best on train, `.stored` keeps what it keeps). With nothing given, a source that keeps
    /// thresholds keeps them (a fusion keeps the ones it was chosen with) and one that keeps none
    /// gets its best on train, so what `eval` shows next is what is stored.
    ///
    /// - Throws: `AppError.noCurrentSource` with no source named and none current;
    ///   `StoreError.unknownEncoder` / `.unknownFusion`; for a threshold outside [0, 1].
    @discardableResult
    public func use(_ request: TargetRequest) throws -> AnalysisTarget {
        let target = try target(request)
        let keep = request.alpha == nil && request.beta == nil && request.at != .best && target.thresholdOrigin == .stored
        try store.updateSettings(source: request.namedSource, thresholds: keep ? nil : target.thresholds)
        return target
    }

    /// Makes `source` current without storing thresholds for it (the workbench's source picker,
    /// the demo): it keeps what it keeps, else it is decoded at its own best on train.
    public func makeCurrent(_ source: SourceRef) throws {
        try checkExists(source)
        try store.updateSettings(source: source)
    }

    /// The current source and thresholds as stored.
    public func settings() throws -> ProjectSettings { try store.settings() }

    /// Every encoder of the project (with probabilities or only features).
    public func encoders() throws -> [EncoderInfo] { try store.encoders() }
}
