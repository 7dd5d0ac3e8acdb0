/// How a blend's two saliences fall, in class order of its pair: `ang:70;hap:30` is 70/30,
/// `ang:30;hap:70` is 30/70.
public enum SalienceSplit: String, Hashable, Sendable, Codable, CaseIterable {
    case even = "50/50"
    case firstHeavy = "70/30"
    case secondHeavy = "30/70"

    /// Nil for single labels.
    public init?(_ label: Label) {
        guard label.isBlend else { return nil }
        switch label.firstSalience {
        case 50: self = .even
        case 70: self = .firstHeavy
        default: self = .secondHeavy
        }
    }
}

/// Presence precision, recall and F1 for one emotion: is it among the predicted emotions when
/// it is among the labelled ones?
public struct PresenceScore: Hashable, Sendable, Codable {
    public let emotion: Emotion
    public let truePositives: Int
    public let falsePositives: Int
    public let falseNegatives: Int

    /// 0 when nothing was predicted with this emotion.
    public var precision: Double { Metrics.share(truePositives, of: truePositives + falsePositives) }
    /// 0 when no label has this emotion.
    public var recall: Double { Metrics.share(truePositives, of: truePositives + falseNegatives) }
    /// 0 when precision and recall are both 0.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

/// Confusion tables of one source at fixed thresholds, over a scope of its clips. Clip
/// indices in every cell refer to the full ``ScoredClips``, not to the scope.
public struct ConfusionTables: Hashable, Sendable, Encodable {
    public let thresholds: Thresholds
    public let scope: ClipScope
    /// True label set × predicted label set over the 16 sets.
    public let presence: ConfusionTable<LabelSet>
    /// For blends whose pair was found: true split × predicted split.
    public let salience: ConfusionTable<SalienceSplit>
    /// In class order.
    public let perEmotion: [PresenceScore]
}

extension ScoredClips {
    /// Decodes the clips in `scope` at `t` and tabulates presence, salience and per-emotion scores.
    public func confusionTables(at t: Thresholds, in scope: ClipScope = .all) -> ConfusionTables {
        let sets = LabelSet.all
        let splits = SalienceSplit.allCases
        var presence = [[Int]](repeating: [], count: sets.count * sets.count)
        var salience = [[Int]](repeating: [], count: splits.count * splits.count)
        var tp = [Int](repeating: 0, count: Emotion.count)
        var fp = tp, fn = tp
        for n in scope.indices(in: clips) {
            let label = clips[n].label
            let predicted = prediction(of: n, t)
            let truth = LabelSet(label), guess = LabelSet(predicted)
            presence[truth.position * sets.count + guess.position].append(n)
            if let s = SalienceSplit(label), truth == guess, let p = SalienceSplit(predicted) {
                salience[splits.firstIndex(of: s)! * splits.count + splits.firstIndex(of: p)!].append(n)
            }
            for e in Emotion.allCases {
                let bit = UInt8(1) << UInt8(e.rawValue)
                switch (truth.mask & bit != 0, guess.mask & bit != 0) {
                case (true, true): tp[e.rawValue] += 1
                case (false, true): fp[e.rawValue] += 1
                case (true, false): fn[e.rawValue] += 1
                case (false, false): break
                }
            }
        }
        return ConfusionTables(
            thresholds: t, scope: scope,
            presence: ConfusionTable(rows: sets, columns: sets, cells: presence),
            salience: ConfusionTable(rows: splits, columns: splits, cells: salience),
            perEmotion: Emotion.allCases.map {
                PresenceScore(emotion: $0, truePositives: tp[$0.rawValue], falsePositives: fp[$0.rawValue],
                              falseNegatives: fn[$0.rawValue])
            })
    }
}
