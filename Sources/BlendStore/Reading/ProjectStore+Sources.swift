import BlendCore

extension ProjectStore {
    /// The clips and probabilities of any source: an encoder's as stored, a fusion's fused
    /// from its encoders' probabilities with its weights (clips lacking an encoder are fused
    /// from those present, weights renormalised).
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion`.
    public func scoredClips(source: SourceRef) throws -> ScoredClips {
        switch source {
        case .encoder(let name):
            return try scoredClips(encoder: name)
        case .fusion(let name):
            let fusion = try fusion(named: name)
            let table = try allProbabilities()
            var weights = [Double](repeating: 0, count: table.encoders.count)
            for w in fusion.spec.weights {
                guard let m = table.index(of: w.encoder) else { throw StoreError.unknownEncoder(w.encoder) }
                weights[m] = w.weight
            }
            let fused = LateFusion(probabilities: table.values, present: table.present).fuse(weights: weights)
            return ScoredClips(clips: fused.clipIndices.map { table.clips[$0] }, probabilities: fused.probabilities)
        }
    }
}
