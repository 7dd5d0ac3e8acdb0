/// Late fusion kept up to date weight by weight, for live sliders and optimisers.
///
/// It keeps the unnormalised sums `Σ_m w_m · p_m` and, per clip, the total weight of the
/// encoders that clip has. Changing one weight is then one pass over that encoder's rows
/// (an axpy on N×6 values and N totals) and the fused row is `sum / total`: renormalisation
/// over the encoders a clip has comes for free, and scaling every weight changes nothing.
///
/// Weights need not sum to 1. A clip with none of the weighted encoders is left out.
/// Rounding may differ from ``FusionInputs/fused(weights:)`` in the last bits (the sums are
/// built in another order); ``rebuild()`` recomputes them from scratch.
public struct FusionCache: Sendable {
    public let inputs: FusionInputs
    /// The current, unnormalised weights.
    public private(set) var weights: [Double]
    private var sums: [Double]
    private var totals: [Double]
    /// Per clip: how many encoders with a positive weight it has. Decides membership exactly,
    /// where a total that went up and back down could be left at a rounding residue.
    private var activePresent: [Int32]

    /// - Precondition: one weight per encoder, each finite and ≥ 0.
    public init(inputs: FusionInputs, weights: [Double]) {
        precondition(weights.count == inputs.encoderCount, "one weight per encoder")
        precondition(weights.allSatisfy { $0.isFinite && $0 >= 0 }, "weights must be finite and ≥ 0")
        self.inputs = inputs
        self.weights = [Double](repeating: 0, count: weights.count)
        sums = [Double](repeating: 0, count: inputs.clipCount * Emotion.count)
        totals = [Double](repeating: 0, count: inputs.clipCount)
        activePresent = [Int32](repeating: 0, count: inputs.clipCount)
        for (m, w) in weights.enumerated() { setWeight(m, to: w) }
    }

    /// The number of encoders with a positive weight.
    public var activeCount: Int { weights.count { $0 > 0 } }

    /// Sets encoder `m`'s weight: one pass over its rows.
    public mutating func setWeight(_ m: Int, to w: Double) {
        precondition(w.isFinite && w >= 0, "weights must be finite and ≥ 0")
        let old = weights[m]
        guard w != old else { return }
        let delta = w - old
        let presenceChange: Int32 = old == 0 ? 1 : (w == 0 ? -1 : 0)
        weights[m] = w
        inputs.probabilities[m].withUnsafeBufferPointer { p in
            inputs.present[m].withUnsafeBufferPointer { present in
                sums.withUnsafeMutableBufferPointer { sums in
                    totals.withUnsafeMutableBufferPointer { totals in
                        activePresent.withUnsafeMutableBufferPointer { active in
                            for i in 0..<present.count where present[i] {
                                active[i] += presenceChange
                                if active[i] == 0 {
                                    // No weighted encoder left: drop any rounding residue.
                                    totals[i] = 0
                                    for k in 0..<Emotion.count { sums[i * Emotion.count + k] = 0 }
                                    continue
                                }
                                totals[i] += delta
                                for k in 0..<Emotion.count { sums[i * Emotion.count + k] += delta * p[i * Emotion.count + k] }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Sets every weight, touching only the encoders whose weight changes.
    public mutating func setWeights(_ weights: [Double]) {
        precondition(weights.count == self.weights.count, "one weight per encoder")
        for (m, w) in weights.enumerated() { setWeight(m, to: w) }
    }

    /// Recomputes the sums from scratch at the current weights.
    public mutating func rebuild() {
        let current = weights
        self = FusionCache(inputs: inputs, weights: current)
    }

    /// The fused clips at the current weights.
    public func fused() -> FusedClips { fused(trying: nil) }

    /// The fused clips as they would be with encoder `m` at weight `w`, without changing the
    /// cache: what an optimiser tries before it commits.
    public func fused(changing m: Int, to w: Double) -> FusedClips {
        precondition(w.isFinite && w >= 0, "weights must be finite and ≥ 0")
        return fused(trying: (m, w))
    }

    private func fused(trying change: (m: Int, w: Double)?) -> FusedClips {
        let n = inputs.clipCount
        let m = change?.m ?? 0
        let delta = change.map { $0.w - weights[$0.m] } ?? 0
        let presenceChange: Int32 = change.map { weights[$0.m] == 0 && $0.w > 0 ? 1 : (weights[$0.m] > 0 && $0.w == 0 ? -1 : 0) } ?? 0
        let activeAfter = activeCount + Int(presenceChange)
        var kept = [Int32](repeating: 0, count: n)
        var count = 0
        var renormalised = 0
        // Filled through raw pointers: this runs once per optimiser evaluation, over every clip.
        let values = [Double](unsafeUninitializedCapacity: n * Emotion.count) { out, initialized in
            inputs.probabilities[m].withUnsafeBufferPointer { p in
                inputs.present[m].withUnsafeBufferPointer { present in
                    sums.withUnsafeBufferPointer { sums in
                        totals.withUnsafeBufferPointer { totals in
                            activePresent.withUnsafeBufferPointer { active in
                                kept.withUnsafeMutableBufferPointer { kept in
                                    for i in 0..<n {
                                        let touched = change != nil && present[i]
                                        let encoders = active[i] + (touched ? presenceChange : 0)
                                        guard encoders > 0 else { continue }
                                        if Int(encoders) < activeAfter { renormalised += 1 }
                                        kept[count] = Int32(i)
                                        let base = i * Emotion.count, row = count * Emotion.count
                                        if touched && active[i] > 0 {
                                            let total = totals[i] + delta
                                            for k in 0..<Emotion.count { out[row + k] = (sums[base + k] + delta * p[base + k]) / total }
                                        } else if touched {
                                            // The changed encoder is the clip's only weighted one: its own row.
                                            for k in 0..<Emotion.count { out[row + k] = p[base + k] }
                                        } else {
                                            let total = totals[i]
                                            for k in 0..<Emotion.count { out[row + k] = sums[base + k] / total }
                                        }
                                        count += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
            initialized = count * Emotion.count
        }
        let clips = count == n ? inputs.clips : kept.prefix(count).map { inputs.clips[Int($0)] }
        return FusedClips(scored: ScoredClips(clips: clips, probabilities: values), renormalised: renormalised,
                          dropped: n - count)
    }
}
