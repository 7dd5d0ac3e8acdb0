import BlendCore

/// One actor's clips scored at the current α/β, for the Clips screen's actor list.
public struct ActorScore: Hashable, Sendable {
    public let actor: String
    public let split: Split
    /// The training fold; nil for test actors.
    public let fold: Int?
    public let metrics: Metrics

    /// "f0" … "f4" for training folds, "test" for the test split.
    public var group: String { fold.map { "f\($0)" } ?? split.rawValue }

    /// Every actor of `scored` at `thresholds`, grouped training folds first (fold order),
    /// then test, by name within a group.
    public static func all(_ scored: ScoredClips, at thresholds: Thresholds) -> [ActorScore] {
        var metrics = [String: Metrics]()
        var place = [String: (Split, Int?)]()
        for i in scored.clips.indices {
            let clip = scored.clips[i]
            metrics[clip.actor, default: Metrics()].add(label: clip.label, prediction: scored.prediction(of: i, thresholds))
            place[clip.actor] = (clip.split, clip.fold)
        }
        return metrics.map { actor, m in ActorScore(actor: actor, split: place[actor]!.0, fold: place[actor]!.1, metrics: m) }
            .sorted { a, b in
                let ka = (a.split == .train ? 0 : 1, a.fold ?? 0), kb = (b.split == .train ? 0 : 1, b.fold ?? 0)
                return ka != kb ? ka < kb : a.actor < b.actor
            }
    }
}
