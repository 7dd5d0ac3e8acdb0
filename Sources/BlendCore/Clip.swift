/// The challenge's two splits: training (5 actor-disjoint folds) and test (its own actors).
public enum Split: String, Sendable, Hashable, Codable, CaseIterable {
    case train, test
}

/// What the analysis needs to know of a clip besides its probabilities.
public struct ClipInfo: Hashable, Sendable, Codable {
    public let name: String
    public let actor: String
    public let split: Split
    /// 0–4 for training clips; nil for test clips.
    public let fold: Int?
    public let label: Label

    public init(name: String, actor: String, split: Split, fold: Int?, label: Label) {
        self.name = name
        self.actor = actor
        self.split = split
        self.fold = fold
        self.label = label
    }
}

/// Clips with one source's class probabilities (an encoder's or a fusion's), row-major N×6.
public struct ScoredClips: Sendable, ProbabilityRows {
    public let clips: [ClipInfo]
    public let probabilities: [Double]

    public init(clips: [ClipInfo], probabilities: [Double]) {
        precondition(probabilities.count == clips.count * Emotion.count, "N×6 probabilities expected")
        self.clips = clips
        self.probabilities = probabilities
    }

    public var count: Int { clips.count }

    /// Decodes every clip: the reference against which faster paths are checked.
    public func evaluate(_ t: Thresholds) -> Metrics {
        var m = Metrics()
        clips.withUnsafeBufferPointer { clips in
            probabilities.withUnsafeBufferPointer { p in
                for i in clips.indices {
                    let decision = DecisionRule.decide(UnsafeBufferPointer(rebasing: p[(i * 6)..<(i * 6 + 6)]),
                                                       alpha: t.alpha, beta: t.beta)
                    m.add(label: clips[i].label, prediction: decision)
                }
            }
        }
        return m
    }

    /// The clips at `indices`, in that order.
    public func subset(_ indices: [Int]) -> ScoredClips {
        var p = [Double]()
        p.reserveCapacity(indices.count * Emotion.count)
        for i in indices { p.append(contentsOf: probabilities(of: i)) }
        return ScoredClips(clips: indices.map { clips[$0] }, probabilities: p)
    }

    /// The clips that satisfy `keep`.
    public func filter(_ keep: (ClipInfo) -> Bool) -> ScoredClips {
        subset(clips.indices.filter { keep(clips[$0]) })
    }
}
