import BlendCore
import BlendStore

/// One encoder at its own best thresholds on the official grid over the training split (the
/// challenge's cross-validation setting): `open`'s table and the workbench's encoder list.
public struct EncoderAtBest: Sendable {
    public let encoder: EncoderInfo
    public let result: SweepResult
    /// The labelled clips it has probabilities for, and the project's labelled clips (a list
    /// shows `99/3,050 clips` where it is partial).
    public let clips: Int
    public let labelledClips: Int
    /// The digest of the training clips and probabilities swept (what a cache of answers
    /// about them keys on).
    public let content: ContentDigest

    public var best: SweepCell { result.best }
}

/// What `open` prints when piped: the project's clips, its current source and every encoder.
public struct ProjectOverview: Sendable {
    public let clips: [ClipInfo]
    public let settings: ProjectSettings
    /// Unlabelled test clips (not in `clips`, never scored).
    public let unlabelled: Int
    /// Clips per training fold 0–4.
    public let folds: [Int]
    /// The current source at its thresholds (`AnalysisTarget`'s rule).
    public let currentTarget: AnalysisTarget?
    /// The current source's metrics at those thresholds over all its clips.
    public let current: Metrics?
    public let encoders: [EncoderAtBest]
}

extension ProjectSession {
    /// `open` without a terminal.
    public func overview() throws -> ProjectOverview {
        let clips = try store.clips()
        let settings = try store.settings()
        let unlabelled = try store.unlabelledCount()
        var folds = [Int](repeating: 0, count: 5)
        for c in clips { if let f = c.fold, folds.indices.contains(f) { folds[f] += 1 } }
        let encoders = try encodersAtOwnBest()
        let target = try currentTarget(fallback: false)
        let current = try target.map { t in
            SweepIndex(try store.scoredClips(source: t.source)).metrics(at: t.thresholds)
        }
        return ProjectOverview(clips: clips, settings: settings, unlabelled: unlabelled, folds: folds,
                               currentTarget: target, current: current,
                               encoders: encoders)
    }

    /// Every encoder with probabilities at its own best thresholds (official grid, training split).
    /// Each sweep is made once per session (`ownBestSweep`): the source picker reuses it.
    public func encodersAtOwnBest() throws -> [EncoderAtBest] {
        let labelled = try store.clips().count
        return try store.encoders().filter { $0.probabilityCount > 0 }.map { e in
            let scored = try store.scoredClips(encoder: e.name)
            let train = scored.filter { $0.split == .train }
            return EncoderAtBest(encoder: e, result: ownBestSweep(.encoder(e.name), train: train), clips: scored.count,
                                 labelledClips: labelled, content: train.contentDigest)
        }
    }
}
