/// Weighted late fusion, `p_fused = Σ_m w_m · p_m`, over encoders aligned to one clip order.
///
/// A clip that lacks some encoders' predictions is fused from those it has, their weights
/// renormalised to sum to 1; a clip with none of the weighted encoders is left out.
public struct LateFusion: Sendable {
    /// One N×6 row-major array per encoder, all in the same clip order.
    public let probabilities: [[Double]]
    /// `present[m][i]`: encoder m has a prediction for clip i.
    public let present: [[Bool]]
    public let clipCount: Int

    public init(probabilities: [[Double]], present: [[Bool]]) {
        let n = clipAlignedCount(values: probabilities, present: present, per: "encoder")
        self.probabilities = probabilities
        self.present = present
        self.clipCount = n
    }

    public struct Result: Sendable {
        /// Indices of the fused clips (those with at least one weighted encoder).
        public let clipIndices: [Int]
        /// Row-major fused probabilities for `clipIndices`.
        public let probabilities: [Double]
        /// How many fused clips lacked one or more weighted encoders (renormalised).
        public let renormalised: Int
    }

    /// Fuses with `weights` (one per encoder, ≥ 0, not all 0; they need not sum to 1).
    public func fuse(weights: [Double]) -> Result {
        precondition(weights.count == probabilities.count, "one weight per encoder")
        precondition(weights.allSatisfy { $0 >= 0 } && weights.contains { $0 > 0 }, "weights must be ≥ 0, not all 0")
        let active = weights.indices.filter { weights[$0] > 0 }
        var indices = [Int]()
        var fused = [Double]()
        indices.reserveCapacity(clipCount)
        fused.reserveCapacity(clipCount * Emotion.count)
        var renormalised = 0
        var row = [Double](repeating: 0, count: Emotion.count)
        for i in 0..<clipCount {
            var total = 0.0
            for k in 0..<Emotion.count { row[k] = 0 }
            var missing = false
            for m in active {
                guard present[m][i] else { missing = true; continue }
                let w = weights[m]
                total += w
                probabilities[m].withUnsafeBufferPointer { p in
                    for k in 0..<Emotion.count { row[k] += w * p[i * Emotion.count + k] }
                }
            }
            guard total > 0 else { continue }
            if missing { renormalised += 1 }
            indices.append(i)
            for k in 0..<Emotion.count { fused.append(row[k] / total) }
        }
        return Result(clipIndices: indices, probabilities: fused, renormalised: renormalised)
    }
}
