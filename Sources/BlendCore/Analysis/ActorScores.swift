/// One actor's clips scored at fixed thresholds: the per-actor metrics the Clips screen lists.
public struct ActorScore: Hashable, Sendable {
    public let actor: String
    public let split: Split
    /// The training fold; nil for test actors.
    public let fold: Int?
    public let metrics: Metrics

    /// "f0" … "f4" for training folds, "test" for the test split.
    public var group: String { fold.map { "f\($0)" } ?? split.rawValue }

    /// Every actor of `scored` at `thresholds`, grouped training folds first (fold order),
    /// then test, by name within a group. An actor's split and fold are those of its last clip
    /// (an actor belongs to one split and fold in the challenge's files).
    public static func all(_ scored: ScoredClips, at thresholds: Thresholds) -> [ActorScore] {
        var byActor = [String: (metrics: Metrics, split: Split, fold: Int?)]()
        for i in scored.clips.indices {
            let clip = scored.clips[i]
            var entry = byActor[clip.actor] ?? (Metrics(), clip.split, clip.fold)
            entry.metrics.add(label: clip.label, prediction: scored.prediction(of: i, thresholds))
            (entry.split, entry.fold) = (clip.split, clip.fold)
            byActor[clip.actor] = entry
        }
        return byActor.map { actor, e in ActorScore(actor: actor, split: e.split, fold: e.fold, metrics: e.metrics) }
            .sorted { a, b in
                let ka = (a.split == .train ? 0 : 1, a.fold ?? 0), kb = (b.split == .train ? 0 : 1, b.fold ?? 0)
                return ka != kb ? ka < kb : a.actor < b.actor
            }
    }
}
