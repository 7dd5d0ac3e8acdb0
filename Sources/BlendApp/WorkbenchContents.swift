import BlendCore
import BlendStore

/// Everything the workbench reads when it opens a project (its `ProjectSnapshot`): counts,
/// encoders, the source it opens on and that source's clips aligned with every encoder.
public struct WorkbenchContents: Sendable {
    public let clips: [ClipInfo]
    /// Encoders that have probabilities (the ones that can be a source).
    public let encoders: [EncoderInfo]
    public let fusionCount: Int
    /// The source the screens show (the current one, else the first encoder); nil without any.
    public let target: AnalysisTarget?
    /// The thresholds the screens open at: the source's own (`AnalysisTarget`'s rule).
    public let thresholds: Thresholds
    public let scored: ScoredClips?
    /// Every encoder's probabilities aligned to `scored`'s clips.
    public let panel: EncoderPanel
    public let unlabelled: UnlabelledScores
    /// Every encoder's probabilities aligned to `unlabelled`'s clips.
    public let unlabelledPanel: EncoderPanel
    /// Linked video files by clip name, with their durations in seconds.
    public let videos: [String: (path: String, duration: Double)]
    /// The source's weight per encoder when it is a saved fusion (empty otherwise).
    public let fusionWeights: [String: Double]
}

extension ProjectSession {
    /// The workbench's opening read, in one place for every screen.
    public func workbenchContents() throws -> WorkbenchContents {
        let encoders = try store.encoders().filter { $0.probabilityCount > 0 }
        let target = try currentTarget(fallback: true)
        let source = target?.source
        let scored = try source.map { try store.scoredClips(source: $0) }
        let panel = try scored.map { try store.allProbabilities().panel(aligningTo: $0.clips) } ?? .empty
        let clips = try store.clips()
        let fusionCount = try store.fusions().count
        var unlabelled = UnlabelledScores.empty, unlabelledPanel = EncoderPanel.empty
        if let source {
            unlabelled = try store.unlabelledScores(source: source)
            unlabelledPanel = try store.unlabelledPanel(aligningTo: unlabelled.clips)
        }
        var weights = [String: Double]()
        if case .fusion(let name)? = source {
            weights = Dictionary(try store.fusion(named: name).spec.weights.map { ($0.encoder, $0.weight) }, uniquingKeysWith: +)
        }
        return WorkbenchContents(clips: clips, encoders: encoders, fusionCount: fusionCount, target: target,
                                 thresholds: target?.thresholds ?? Self.placeholderThresholds, scored: scored, panel: panel, unlabelled: unlabelled,
                                 unlabelledPanel: unlabelledPanel, videos: try store.videos(), fusionWeights: weights)
    }
}
