import BlendCore
import BlendStore

extension ProjectSession {
    /// `use`: sets the current source and thresholds. A fusion carries the thresholds it was
    /// chosen with; they apply unless `alpha`/`beta` override them.
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion`, or for a threshold outside [0, 1].
    @discardableResult
    public func use(_ request: TargetRequest) throws -> ProjectSettings {
        let saved = try request.fusion.map { try store.fusion(named: $0).spec.thresholds }
        return try store.updateSettings(source: request.namedSource, alpha: request.alpha ?? saved?.alpha,
                                        beta: request.beta ?? saved?.beta)
    }

    /// The current source and thresholds as stored.
    public func settings() throws -> ProjectSettings { try store.settings() }

    /// Every encoder of the project (with probabilities or only features).
    public func encoders() throws -> [EncoderInfo] { try store.encoders() }
}
