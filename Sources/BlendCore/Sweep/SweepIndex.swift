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
    // Doubles first: the one-byte fields then pack into a 32-byte stride.
    public let p1: Double
    public let p2: Double
    /// `abs(p1 - p2)`, the very Double the rule compares with β.
    public let margin: Double
    /// The top two classes, ties to the lower index, as `DecisionRule.topTwo` picks them.
    public let top: Emotion
    public let second: Emotion
    public let isBlend: Bool
    /// Presence is right when the rule keeps the pair (steps 4–5).
    public let pairPresenceHit: Bool
    /// Presence is right when the rule keeps the top class alone (steps 2–3).
    public let singlePresenceHit: Bool
    /// Which side of β makes the salience right, if any.
    public let salience: SalienceHit

    public init(label: Label, probabilities p: UnsafeBufferPointer<Double>) {
        let (i, j) = DecisionRule.topTwo(p)
        top = Emotion(rawValue: i)!
        second = Emotion(rawValue: j)!
        p1 = p[i]
        p2 = p[j]
        margin = abs(p1 - p2)
        isBlend = label.isBlend
        // The rule's outcomes as emotion masks, spelled out rather than decoded three times:
        // this runs once per clip and dominates index building. Steps 2–3 keep the top class
        // alone; step 4 resolves a pair with `neu` to one emotion; step 5 keeps both.
        let neu = Emotion.neu.rawValue
        let pairMask: UInt8
        if i == neu {
            pairMask = p2 >= p1 ? 1 << UInt8(j) : 1 << UInt8(neu)
        } else if j == neu {
            pairMask = 1 << UInt8(i)
        } else {
            pairMask = 1 << UInt8(i) | 1 << UInt8(j)
        }
        let labelMask = label.presenceMask
        singlePresenceHit = labelMask == 1 << UInt8(i)
        pairPresenceHit = labelMask == pairMask
        if label.isBlend && pairPresenceHit {
            // The label is this very pair; step 5 gives 50/50 or 70 % to the top class.
            let topShare = label.first == top ? label.firstSalience : label.secondSalience
            salience = topShare == 50 ? .atMostBeta : topShare == 70 ? .aboveBeta : .never
        } else {
            salience = .never
        }
    }

    /// Whether the rule keeps the top two as a pair at `alpha` (the same comparisons, in Double).
    @inlinable
    public func keepsPair(alpha: Double) -> Bool {
        !(p1 < alpha) && !(p2 < alpha || p2 == 0)
    }

    /// For `p2 != 0`: the pair is kept at any α that is not NaN iff `α ≤ pairFloor`.
    ///
    /// `!(p1 < α) && !(p2 < α)` is `α ≤ min(p1, p2)` for numbers; a NaN probability makes its
    /// comparison false, so it bounds nothing. One comparison instead of three lets the grid
    /// placement run branch-free.
    @inlinable
    public var pairFloor: Double {
        p1.isNaN ? (p2.isNaN ? .infinity : p2) : (p2.isNaN ? p1 : min(p1, p2))
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
    /// One per clip, in the same order.
    public let entries: [SweepEntry]

    public init(_ scored: ScoredClips) {
        precondition(scored.count < Int(Int32.max), "too many clips for 32-bit counts")
        clips = scored.clips
        entries = scored.clips.withUnsafeBufferPointer { clips in
            scored.probabilities.withUnsafeBufferPointer { p in
                [SweepEntry](unsafeUninitializedCapacity: clips.count) { out, initialized in
                    for n in clips.indices {
                        (out.baseAddress! + n).initialize(to: SweepEntry(
                            label: clips[n].label, probabilities: UnsafeBufferPointer(rebasing: p[(n * 6)..<(n * 6 + 6)])))
                    }
                    initialized = clips.count
                }
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
