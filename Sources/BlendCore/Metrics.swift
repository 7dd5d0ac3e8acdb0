/// ACC_P, ACC_S and Score over a set of clips.
///
/// ACC_P: share of clips whose predicted emotion set equals the label's.
/// ACC_S: over blend clips only, share predicted with the same two emotions and saliences.
/// Score: their mean. An empty denominator gives 0, never NaN.
public struct Metrics: Hashable, Sendable, Codable {
    public var clips: Int
    public var blends: Int
    public var presenceHits: Int
    public var salienceHits: Int

    public init(clips: Int = 0, blends: Int = 0, presenceHits: Int = 0, salienceHits: Int = 0) {
        self.clips = clips
        self.blends = blends
        self.presenceHits = presenceHits
        self.salienceHits = salienceHits
    }

    public var accPresence: Double { Self.share(presenceHits, of: clips) }
    public var accSalience: Double { Self.share(salienceHits, of: blends) }
    public var score: Double { Self.score(accPresence: accPresence, accSalience: accSalience) }

    /// `hits / total` in Double, 0 for an empty total: the one place an accuracy is divided,
    /// so that sweeps that skip building `Metrics` get the very same bits.
    @inlinable
    public static func share(_ hits: Int, of total: Int) -> Double {
        total == 0 ? 0 : Double(hits) / Double(total)
    }

    /// The challenge's `0.5·ACC_P + (1 − 0.5)·ACC_S`.
    @inlinable
    public static func score(accPresence: Double, accSalience: Double) -> Double {
        0.5 * accPresence + 0.5 * accSalience
    }

    /// Adds one clip's outcome.
    public mutating func add(label: Label, prediction: Label) {
        clips += 1
        if label.samePresence(as: prediction) { presenceHits += 1 }
        if label.isBlend {
            blends += 1
            if label == prediction { salienceHits += 1 }
        }
    }

    public static func + (a: Metrics, b: Metrics) -> Metrics {
        Metrics(clips: a.clips + b.clips, blends: a.blends + b.blends,
                presenceHits: a.presenceHits + b.presenceHits, salienceHits: a.salienceHits + b.salienceHits)
    }
}

/// Thresholds of the decision rule.
public struct Thresholds: Hashable, Sendable, Codable {
    public var alpha: Double
    public var beta: Double
    public init(alpha: Double, beta: Double) {
        self.alpha = alpha
        self.beta = beta
    }
}
