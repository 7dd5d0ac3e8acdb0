/// How a clip's salience can come out right, given that its top two are kept as a pair.
public enum SalienceHit: UInt8, Sendable, Hashable {
    /// Never: a single label, a pair with `neu`, another pair, or 70/30 toward the wrong side.
    case never
    /// The label is the predicted pair at 50/50: right when `margin ≤ β`.
    case atMostBeta
    /// The label is the predicted pair at 70/30 toward the top class: right when `margin > β`.
    case aboveBeta
}

/// What the decision rule needs to know of one clip to decode it at any (α, β).
///
/// The rule only looks at the top two classes, and only through three comparisons:
/// `p1 < α`, `p2 < α || p2 == 0` (both kept as a pair or not) and `|p1 − p2| ≤ β` (50/50 or
/// 70/30). Presence never depends on β. So a clip is fully described by its top two, whether
/// the label's presence is hit in each regime, and which way β can make its salience right.
public struct SweepEntry: Hashable, Sendable {
    public let top: Emotion
    public let second: Emotion
    public let p1: Double
    public let p2: Double
    /// `abs(p1 - p2)`, the very Double the rule compares with β.
    public let margin: Double
    public let isBlend: Bool
    /// Presence is right when the rule keeps the pair (steps 4–5).
    public let pairPresenceHit: Bool
    /// Presence is right when the rule keeps the top class alone (steps 2–3).
    public let singlePresenceHit: Bool
    public let salience: SalienceHit

    public init(label: Label, probabilities p: UnsafeBufferPointer<Double>) {
        let (i, j) = DecisionRule.topTwo(p)
        top = Emotion(rawValue: i)!
        second = Emotion(rawValue: j)!
        p1 = p[i]
        p2 = p[j]
        margin = abs(p1 - p2)
        isBlend = label.isBlend
        // Decode through the rule itself, with thresholds that force each branch, so that the
        // index can never drift from the rule: α = p2 keeps the pair (when the pair can be kept
        // at all), β = +∞ forces 50/50 and β = −∞ forces 70/30; α = +∞ keeps the top alone.
        let single = DecisionRule.decide(top: i, p1, second: j, p2, alpha: .infinity, beta: 0)
        let even = DecisionRule.decide(top: i, p1, second: j, p2, alpha: p2, beta: .infinity)
        let uneven = DecisionRule.decide(top: i, p1, second: j, p2, alpha: p2, beta: -.infinity)
        singlePresenceHit = label.samePresence(as: single)
        pairPresenceHit = label.samePresence(as: even)
        if label.isBlend && label == even && even.kind == .even {
            salience = .atMostBeta
        } else if label.isBlend && label == uneven && uneven.kind == .uneven {
            salience = .aboveBeta
        } else {
            salience = .never
        }
    }

    /// Whether the rule keeps the top two as a pair at `alpha` (the same comparisons, in Double).
    @inlinable
    public func keepsPair(alpha: Double) -> Bool {
        !(p1 < alpha) && !(p2 < alpha || p2 == 0)
    }

    /// Whether the pair, if kept, is called 50/50 at `beta`.
    @inlinable
    public func isEven(beta: Double) -> Bool { margin <= beta }

    /// Whether presence is right at `alpha`.
    @inlinable
    public func presenceHit(alpha: Double) -> Bool {
        keepsPair(alpha: alpha) ? pairPresenceHit : singlePresenceHit
    }

    /// Whether salience is right at (α, β); always false for single labels.
    @inlinable
    public func salienceHit(alpha: Double, beta: Double) -> Bool {
        switch salience {
        case .never: false
        case .atMostBeta: keepsPair(alpha: alpha) && isEven(beta: beta)
        case .aboveBeta: keepsPair(alpha: alpha) && !isEven(beta: beta)
        }
    }
}

/// A source's clips prepared once for fast threshold sweeps: each clip reduced to a
/// ``SweepEntry``. Every metric computed from it is bit-identical to decoding each clip with
/// ``DecisionRule`` (``ScoredClips/evaluate(_:)`` is the reference).
public struct SweepIndex: Sendable {
    public let clips: [ClipInfo]
    public let entries: [SweepEntry]

    public init(_ scored: ScoredClips) {
        precondition(scored.count < Int(Int32.max), "too many clips for 32-bit counts")
        clips = scored.clips
        entries = scored.probabilities.withUnsafeBufferPointer { buf in
            scored.clips.indices.map { n in
                SweepEntry(label: scored.clips[n].label,
                           probabilities: UnsafeBufferPointer(rebasing: buf[(n * 6)..<(n * 6 + 6)]))
            }
        }
    }

    public var count: Int { entries.count }

    /// ACC_P / ACC_S / Score at one point, in one pass without decoding (for live sliders).
    public func metrics(at t: Thresholds) -> Metrics {
        metrics(at: t, of: entries.indices)
    }

    /// The same, over the clips at `indices` only.
    public func metrics<C: Collection>(at t: Thresholds, of indices: C) -> Metrics where C.Element == Int {
        var m = Metrics()
        for n in indices {
            let e = entries[n]
            m.clips += 1
            if e.isBlend { m.blends += 1 }
            if e.presenceHit(alpha: t.alpha) { m.presenceHits += 1 }
            if e.salienceHit(alpha: t.alpha, beta: t.beta) { m.salienceHits += 1 }
        }
        return m
    }

    /// Places the clips on a grid once; the plan then sweeps the whole set or any groups.
    public func plan(_ grid: ThresholdGrid) -> SweepPlan { SweepPlan(index: self, grid: grid) }

    /// Every cell of `grid` over all clips.
    public func sweep(grid: ThresholdGrid) -> SweepResult { plan(grid).sweep() }
}
