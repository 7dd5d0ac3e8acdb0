import BlendApp
import BlendCore
import BlendMedia
import Foundation

/// What the workbench knows about an open project: the cheap part every screen needs at
/// once (counts, encoders, settings, the current source's scored clips and sweep index).
/// Heavier results (grid sweeps, per-actor β) arrive later as `ThresholdAnalysis`.
public struct ProjectSnapshot: Sendable {
    /// The project file as given on the command line.
    public let path: String
    public let clips: [ClipInfo]
    /// Encoders that have probabilities (the ones that can be a source).
    public let encoders: [EncoderInfo]
    public let fusionCount: Int
    /// The source the screens show; nil when the project has no probabilities at all.
    public let source: SourceRef?
    /// The source's own thresholds (stored, else its best on train; what "apply" writes).
    public private(set) var thresholds: Thresholds
    /// Where `thresholds` came from (`stored`, `best on train`); nil for a hand-made snapshot.
    public var thresholdOrigin: AnalysisTarget.ThresholdOrigin?
    /// The source's clips with their probabilities, in the index's order.
    public let scored: ScoredClips?
    public let index: SweepIndex?
    /// `scored`'s digest (clips and probabilities): what the Overview's intervals are keyed
    /// by, so another project or source, or this one read again after a change, never shows
    /// an interval computed for other clips.
    public let contentDigest: ContentDigest?
    /// Every encoder's probabilities aligned to `scored`'s clips (the source among them when
    /// it is an encoder), for the Clips screen's per-encoder bars and label review's votes.
    public let panel: EncoderPanel
    /// Each clip's video duration in seconds, aligned with `clips`; nil without a linked video.
    public var durations: [Double?] = []
    /// The current source's weight per encoder when it is a saved fusion (empty otherwise).
    public var fusionWeights: [String: Double] = [:]
    /// The source's unlabelled test clips (`test_0001.mov`): listed and decoded on the Clips
    /// screen after the labelled ones, never scored. A Clips-table row index `i` below
    /// `scored.count` is a labelled clip; from there on it is `unlabelled.clips[i - scored.count]`.
    public var unlabelled: UnlabelledScores = .empty
    /// Every encoder's probabilities aligned to `unlabelled`'s clips (their per-encoder bars).
    public var unlabelledPanel: EncoderPanel = .empty
    /// Linked video files by clip name, with their durations in seconds (the clip pane's preview).
    public var videos: [String: (path: String, duration: Double)] = [:]

    public init(path: String, clips: [ClipInfo], encoders: [EncoderInfo], fusionCount: Int, source: SourceRef?,
                thresholds: Thresholds, scored: ScoredClips?, panel: EncoderPanel = .empty) {
        self.panel = panel
        self.path = path
        self.clips = clips
        self.encoders = encoders
        self.fusionCount = fusionCount
        self.source = source
        self.thresholds = thresholds
        self.scored = scored
        index = scored.map(SweepIndex.init)
        contentDigest = scored?.contentDigest
    }

    /// The panel without the source itself, which would always agree with its own label review.
    public var reviewPanel: EncoderPanel {
        guard case .encoder(let name) = source, let own = panel.names.firstIndex(of: name) else { return panel }
        let keep = panel.names.indices.filter { $0 != own }
        return EncoderPanel(names: keep.map { panel.names[$0] }, values: keep.map { panel.values[$0] },
                            present: keep.map { panel.present[$0] })
    }

    /// The Clips-table clip at row index `i` (see `unlabelled`).
    public func clip(_ i: Int) -> TableClip? {
        guard let scored else { return nil }
        if i < scored.count {
            return TableClip(name: scored.clips[i].name, info: scored.clips[i], probabilities: scored.probabilities(of: i),
                             panel: panel, panelRow: i)
        }
        let u = i - scored.count
        guard u >= 0, u < unlabelled.count else { return nil }
        return TableClip(name: unlabelled.clips[u].name, info: nil, probabilities: unlabelled.probabilities(of: u),
                         panel: unlabelledPanel, panelRow: u)
    }

    /// `thresholds` were stored for the source (the Thresholds screen's `s`).
    public mutating func storeThresholds(_ stored: Thresholds) {
        thresholds = stored
        thresholdOrigin = .stored
    }

    /// The file name, as the tab bar shows it.
    public var name: String { (path as NSString).lastPathComponent }

    public var actorCount: Int { Set(clips.map(\.actor)).count }

    /// Clips per training fold, fold 0 first.
    public var foldSizes: [Int] {
        let folds = clips.compactMap(\.fold)
        guard let last = folds.max() else { return [] }
        var sizes = [Int](repeating: 0, count: last + 1)
        for fold in folds { sizes[fold] += 1 }
        return sizes
    }

    /// Reads the project at `path` (`workbenchContents`: the current source is the stored
    /// one, else the first encoder with probabilities).
    public static func load(path: String, from access: ProjectAccess = ProjectAccess()) throws -> ProjectSnapshot {
        let contents = try access.session(path).workbenchContents()
        var snapshot = ProjectSnapshot(path: path, clips: contents.clips, encoders: contents.encoders,
                                       fusionCount: contents.fusionCount, source: contents.target?.source,
                                       thresholds: contents.thresholds, scored: contents.scored, panel: contents.panel)
        snapshot.thresholdOrigin = contents.target?.thresholdOrigin
        snapshot.unlabelled = contents.unlabelled
        snapshot.unlabelledPanel = contents.unlabelledPanel
        snapshot.videos = contents.videos
        // FFmpeg loads on first use (~35 ms); with videos to show, start now, off this thread,
        // so the first frame of a clip does not wait for it.
        if !snapshot.videos.isEmpty { MediaLibraries.preload() }
        // Linking a video records its duration: one read gives both.
        snapshot.durations = snapshot.clips.map { snapshot.videos[$0.name]?.duration }
        snapshot.fusionWeights = contents.fusionWeights
        return snapshot
    }
}

/// One row of the Clips table, labelled or not: what the table and the clip pane draw.
public struct TableClip: Sendable {
    public let name: String
    /// Nil for an unlabelled test clip (no label, no actor).
    public let info: ClipInfo?
    public let probabilities: ArraySlice<Double>
    /// The per-encoder bars' panel and this clip's row in it.
    public let panel: EncoderPanel
    public let panelRow: Int
}
