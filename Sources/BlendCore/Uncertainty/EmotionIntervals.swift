/// Intervals of per-emotion presence precision, recall and F1 from the actor bootstrap.
public struct EmotionInterval: Hashable, Sendable, Codable {
    public let emotion: Emotion
    public let precision: Interval
    public let recall: Interval
    public let f1: Interval
}

extension ScoredClips {
    /// Per-emotion P/R/F1 intervals at `t`, the scope's actors drawn with replacement: each
    /// actor's TP, FP and FN counted once per draw.
    public func emotionIntervals(at t: Thresholds, settings: BootstrapSettings = .standard) -> [EmotionInterval] {
        let groups = ResamplingUnits.actorGroups(clips)
        // counts[g][e] = (tp, fp, fn)
        let counts = groups.map { group in subset(group.members).confusionTables(at: t).perEmotion }
        var precision = [[Double]](repeating: [], count: Emotion.count)
        var recall = precision, f1 = precision
        Resampling.bootstrap(units: groups.count, replicates: settings.replicates, seed: settings.seed) { _, w in
            for e in 0..<Emotion.count {
                var tp = 0, fp = 0, fn = 0
                for g in counts.indices where w[g] != 0 {
                    let k = Int(w[g])
                    tp += k * counts[g][e].truePositives
                    fp += k * counts[g][e].falsePositives
                    fn += k * counts[g][e].falseNegatives
                }
                let s = PresenceScore(emotion: Emotion(rawValue: e) ?? .neu, truePositives: tp, falsePositives: fp,
                                      falseNegatives: fn)
                precision[e].append(s.precision)
                recall[e].append(s.recall)
                f1[e].append(s.f1)
            }
        }
        return Emotion.allCases.map { e in
            EmotionInterval(emotion: e, precision: Percentile.interval(precision[e.rawValue], level: settings.level),
                            recall: Percentile.interval(recall[e.rawValue], level: settings.level),
                            f1: Percentile.interval(f1[e.rawValue], level: settings.level))
        }
    }
}
