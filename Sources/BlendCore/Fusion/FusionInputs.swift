/// Several encoders' probabilities over one clip order: what every fusion works on.
///
/// `probabilities[m]` is N×6 row-major for encoder `encoders[m]`; where `present[m][i]` is
/// false its row is ignored (clips lacking an encoder are fused from the others).
public struct FusionInputs: Sendable {
    public let clips: [ClipInfo]
    public let encoders: [String]
    public let probabilities: [[Double]]
    public let present: [[Bool]]

    public init(clips: [ClipInfo], encoders: [String], probabilities: [[Double]], present: [[Bool]]) {
        precondition(!encoders.isEmpty, "a fusion needs at least one encoder")
        precondition(probabilities.count == encoders.count && present.count == encoders.count, "one array per encoder")
        precondition(probabilities.allSatisfy { $0.count == clips.count * Emotion.count }, "N×6 probabilities per encoder")
        precondition(present.allSatisfy { $0.count == clips.count }, "one presence flag per clip per encoder")
        self.clips = clips
        self.encoders = encoders
        self.probabilities = probabilities
        self.present = present
    }

    public var clipCount: Int { clips.count }
    public var encoderCount: Int { encoders.count }

    /// The position of encoder `name`.
    public func index(of name: String) -> Int? { encoders.firstIndex(of: name) }

    /// The clips at `indices`, in that order, with every encoder.
    public func subset(_ indices: [Int]) -> FusionInputs {
        let rows = indices.count * Emotion.count
        let probabilities = self.probabilities.map { p in
            [Double](unsafeUninitializedCapacity: rows) { out, initialized in
                p.withUnsafeBufferPointer { p in
                    for (r, i) in indices.enumerated() {
                        for k in 0..<Emotion.count { out[r * Emotion.count + k] = p[i * Emotion.count + k] }
                    }
                }
                initialized = rows
            }
        }
        return FusionInputs(clips: indices.map { clips[$0] }, encoders: encoders, probabilities: probabilities,
                            present: present.map { flags in indices.map { flags[$0] } })
    }

    /// The clips that satisfy `keep`.
    public func filter(_ keep: (ClipInfo) -> Bool) -> FusionInputs {
        subset(clips.indices.filter { keep(clips[$0]) })
    }

    /// Only the encoders at `indices`, in that order.
    public func selecting(encoders indices: [Int]) -> FusionInputs {
        FusionInputs(clips: clips, encoders: indices.map { encoders[$0] },
                     probabilities: indices.map { probabilities[$0] }, present: indices.map { present[$0] })
    }

    /// One encoder alone, over the clips it has.
    public func scoredClips(encoder m: Int) -> ScoredClips {
        let kept = clips.indices.filter { present[m][$0] }
        var p = [Double]()
        p.reserveCapacity(kept.count * Emotion.count)
        for i in kept { p.append(contentsOf: probabilities[m][(i * Emotion.count)..<((i + 1) * Emotion.count)]) }
        return ScoredClips(clips: kept.map { clips[$0] }, probabilities: p)
    }

    /// The fusion at `weights` computed from scratch (the reference the incremental cache
    /// must match), with its renormalisation counts.
    public func fused(weights: [Double]) -> FusedClips {
        let result = LateFusion(probabilities: probabilities, present: present).fuse(weights: weights)
        let clips = result.clipIndices.count == self.clips.count ? self.clips : result.clipIndices.map { self.clips[$0] }
        return FusedClips(scored: ScoredClips(clips: clips, probabilities: result.probabilities),
                          renormalised: result.renormalised, dropped: self.clips.count - result.clipIndices.count)
    }
}

/// A fusion's clips and how many of them were not fused from every weighted encoder.
public struct FusedClips: Sendable {
    /// The fused clips: those with at least one weighted encoder present.
    public let scored: ScoredClips
    /// Fused clips that lacked one or more weighted encoders (their weights renormalised).
    public let renormalised: Int
    /// Clips left out because none of the weighted encoders has them.
    public let dropped: Int
}
