/// How one clip's label fares against the evidence.
///
/// The label's *weakest emotion* is its labelled emotion with the lowest probability (the only
/// one for a single label); the *strongest alternative* is the unlabelled emotion with the
/// highest probability (ties to the lower class index, as the decision rule breaks them). The
/// label is *disputed* when the alternative outranks the weakest labelled emotion.
public struct LabelReviewEntry: Hashable, Sendable, Encodable {
    /// Index into the reviewed clips.
    public let clip: Int
    public let label: Label
    public let weakestLabelled: Emotion
    /// The source's probability of `weakestLabelled`: the clip's self-confidence in the sense of
    /// confident learning (for a single label, the predicted probability of the given label).
    public let selfConfidence: Double
    /// The source's probability mass on all labelled emotions.
    public let labelledMass: Double
    public let alternative: Emotion
    public let alternativeProbability: Double
    /// `alternativeProbability − selfConfidence`, in [−1, 1]; above 0 the label is disputed.
    public let margin: Double
    /// The label set's threshold: the mean self-confidence of the reviewed clips with that set.
    public let classThreshold: Double
    /// `max(0, 1 − selfConfidence / classThreshold)`: how far below its class's usual
    /// confidence the clip falls, in [0, 1] (0 for a threshold of 0).
    public let shortfall: Double
    /// Panel encoders with a prediction for the clip.
    public let voters: Int
    /// Voters that rank some unlabelled emotion above their own weakest labelled one.
    public let disputing: Int
    /// Disputing voters whose strongest alternative is the source's `alternative`.
    public let agreeing: Int
    /// `(margin01 + agreement + shortfall) / 3`, each term in [0, 1], so the score lies in [0, 1]:
    /// `margin01 = (margin + 1) / 2`, `agreement = agreeing / voters` (0 without voters).
    public let score: Double

    /// An unlabelled emotion outranks a labelled one.
    public var isDisputed: Bool { margin > 0 }
    /// Below its class threshold: confident learning's sign of a possible label issue.
    public var isBelowThreshold: Bool { selfConfidence < classThreshold }
    /// `agreeing / voters`, 0 without voters.
    public var agreement: Double { Metrics.share(agreeing, of: voters) }

    private enum CodingKeys: String, CodingKey {
        case clip, label, weakestLabelled, selfConfidence, labelledMass, alternative, alternativeProbability, margin,
             classThreshold, shortfall, voters, disputing, agreeing, score, isDisputed, isBelowThreshold
    }

    /// Emotions and labels as the challenge spells them (`hap`, `ang:70;hap:30`).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(clip, forKey: .clip)
        try c.encode(label.description, forKey: .label)
        try c.encode(weakestLabelled.code, forKey: .weakestLabelled)
        try c.encode(selfConfidence, forKey: .selfConfidence)
        try c.encode(labelledMass, forKey: .labelledMass)
        try c.encode(alternative.code, forKey: .alternative)
        try c.encode(alternativeProbability, forKey: .alternativeProbability)
        try c.encode(margin, forKey: .margin)
        try c.encode(classThreshold, forKey: .classThreshold)
        try c.encode(shortfall, forKey: .shortfall)
        try c.encode(voters, forKey: .voters)
        try c.encode(disputing, forKey: .disputing)
        try c.encode(agreeing, forKey: .agreeing)
        try c.encode(score, forKey: .score)
        try c.encode(isDisputed, forKey: .isDisputed)
        try c.encode(isBelowThreshold, forKey: .isBelowThreshold)
    }
}

/// One label set's confident-learning threshold.
public struct ClassThreshold: Hashable, Sendable, Encodable {
    public let set: LabelSet
    /// Reviewed clips with this label set.
    public let clips: Int
    /// Their mean self-confidence (0 for no clips).
    public let meanSelfConfidence: Double
}

/// Label review of one source: every clip's entry, and the clips ranked by how strongly the
/// evidence disputes their labels.
public struct LabelReview: Sendable, Encodable {
    /// The panel that voted (the source itself should not be among them).
    public let encoders: [String]
    /// One per label set with at least one reviewed clip, in table order.
    public let thresholds: [ClassThreshold]
    /// One per reviewed clip, in clip order (the TUI sorts clips by `entries[n].score`).
    public let entries: [LabelReviewEntry]
    /// Positions in `entries`, highest score first; equal scores keep clip order.
    public let ranking: [Int]

    /// Clips whose label the source itself disputes.
    public var disputedCount: Int { entries.count { $0.isDisputed } }

    /// The first `count` entries of the ranking.
    public func top(_ count: Int) -> [LabelReviewEntry] { ranking.prefix(max(0, count)).map { entries[$0] } }
}

/// The weakest labelled emotion and strongest alternative of one probability row.
struct LabelEvidence {
    let weakest: Emotion
    let weakestProbability: Double
    let labelledMass: Double
    let alternative: Emotion
    let alternativeProbability: Double

    /// `mask` is the label's presence mask; a label never holds all six classes, so an
    /// alternative always exists.
    init(_ p: UnsafeBufferPointer<Double>, mask: UInt8) {
        var weakest = -1, alternative = -1
        var mass = 0.0
        for k in 0..<Emotion.count {
            if mask & (1 << UInt8(k)) != 0 {
                mass += p[k]
                // Ties keep the lower class index: `<` and `>` never replace an equal value.
                if weakest < 0 || p[k] < p[weakest] { weakest = k }
            } else if alternative < 0 || p[k] > p[alternative] {
                alternative = k
            }
        }
        self.weakest = Emotion(rawValue: weakest)!
        weakestProbability = p[weakest]
        labelledMass = mass
        self.alternative = Emotion(rawValue: alternative)!
        alternativeProbability = p[alternative]
    }

    var margin: Double { alternativeProbability - weakestProbability }
}

extension ScoredClips {
    /// Ranks the clips whose labels the evidence disputes: the source's own probabilities
    /// (margin of the strongest alternative over the weakest labelled emotion, and the shortfall
    /// of self-confidence below its label set's mean, as confident learning thresholds classes),
    /// and how many `panel` encoders dispute the label in favour of the same alternative.
    ///
    /// - Parameter panel: other encoders' probabilities aligned to these clips, or `.empty`.
    public func labelReview(panel: EncoderPanel = .empty) -> LabelReview {
        precondition(panel.names.isEmpty || panel.clipCount == count, "the panel must cover the reviewed clips")
        let evidence: [LabelEvidence] = probabilities.withUnsafeBufferPointer { p in
            clips.indices.map { n in
                LabelEvidence(UnsafeBufferPointer(rebasing: p[(n * 6)..<(n * 6 + 6)]), mask: clips[n].label.presenceMask)
            }
        }
        // Confident learning's per-class threshold: the mean self-confidence of each class.
        var sums = [Double](repeating: 0, count: LabelSet.all.count)
        var counts = [Int](repeating: 0, count: LabelSet.all.count)
        for n in clips.indices {
            let s = LabelSet(clips[n].label).position
            sums[s] += evidence[n].weakestProbability
            counts[s] += 1
        }
        let means = sums.indices.map { counts[$0] == 0 ? 0 : sums[$0] / Double(counts[$0]) }

        let entries = clips.indices.map { n -> LabelReviewEntry in
            let e = evidence[n]
            let label = clips[n].label
            var voters = 0, disputing = 0, agreeing = 0
            for m in panel.names.indices where panel.present[m][n] {
                voters += 1
                let vote = panel.values[m].withUnsafeBufferPointer { v in
                    LabelEvidence(UnsafeBufferPointer(rebasing: v[(n * 6)..<(n * 6 + 6)]), mask: label.presenceMask)
                }
                guard vote.margin > 0 else { continue }
                disputing += 1
                if vote.alternative == e.alternative { agreeing += 1 }
            }
            let threshold = means[LabelSet(label).position]
            let shortfall = threshold > 0 ? max(0, 1 - e.weakestProbability / threshold) : 0
            let margin = e.margin
            let score = ((margin + 1) / 2 + Metrics.share(agreeing, of: voters) + shortfall) / 3
            return LabelReviewEntry(
                clip: n, label: label, weakestLabelled: e.weakest, selfConfidence: e.weakestProbability,
                labelledMass: e.labelledMass, alternative: e.alternative, alternativeProbability: e.alternativeProbability,
                margin: margin, classThreshold: threshold, shortfall: shortfall, voters: voters, disputing: disputing,
                agreeing: agreeing, score: score)
        }
        // NaN scores (NaN probabilities) sort last, so the order stays a strict weak one.
        func key(_ i: Int) -> Double { entries[i].score.isNaN ? -.infinity : entries[i].score }
        let ranking = entries.indices.sorted { key($0) > key($1) || (key($0) == key($1) && $0 < $1) }
        let thresholds = LabelSet.all.indices.filter { counts[$0] > 0 }.map {
            ClassThreshold(set: LabelSet.all[$0], clips: counts[$0], meanSelfConfidence: means[$0])
        }
        return LabelReview(encoders: panel.names, thresholds: thresholds, entries: entries, ranking: ranking)
    }
}
