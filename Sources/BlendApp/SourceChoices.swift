import BlendCore
import BlendStore

/// One source a front end can make current, as a source picker lists it: how many of the
/// project's labelled clips it covers and its Score over those clips at its own thresholds
/// (`AnalysisTarget`'s rule: stored, else best on train).
public struct SourceChoice: Sendable, Hashable {
    public let source: SourceRef
    /// Labelled clips the source has probabilities for.
    public let clipCount: Int
    /// The project's labelled clips (`clipCount` of them are covered).
    public let projectClipCount: Int
    /// Its own thresholds and where they came from; nil when it keeps none and has no training
    /// clips to choose them on.
    public let thresholds: Thresholds?
    public let thresholdOrigin: AnalysisTarget.ThresholdOrigin?
    /// Score over the covered clips at `thresholds`; nil without thresholds or clips.
    public let score: Double?
    /// Whether it is the project's current source.
    public let isCurrent: Bool

    public init(source: SourceRef, clipCount: Int, projectClipCount: Int, thresholds: Thresholds?,
                thresholdOrigin: AnalysisTarget.ThresholdOrigin?, score: Double?, isCurrent: Bool) {
        self.source = source
        self.clipCount = clipCount
        self.projectClipCount = projectClipCount
        self.thresholds = thresholds
        self.thresholdOrigin = thresholdOrigin
        self.score = score
        self.isCurrent = isCurrent
    }

    /// Whether it covers fewer clips than the project has (the lists then show `99/3,050 clips`).
    public var isPartial: Bool { clipCount < projectClipCount }
}

extension ProjectSession {
    /// Every source that can be made current: encoders with probabilities, then saved fusions,
    /// each with its coverage and Score at its own thresholds (the workbench's source picker).
    /// `bestOnTrain` passes bests already swept (the workbench's encoder table) so a source
    /// that keeps no thresholds is not swept again; they must be `bestOnTrain(_:)`'s.
    public func sourceChoices(bestOnTrain known: [SourceRef: Thresholds] = [:]) throws -> [SourceChoice] {
        let total = try store.clips().count
        let current = try store.settings().currentSource
        let sources = try store.encoders().filter { $0.probabilityCount > 0 }.map { SourceRef.encoder($0.name) }
            + store.fusions().map { SourceRef.fusion($0.spec.name) }
        return try sources.map { source in
            let scored = try store.scoredClips(source: source)
            var own: (Thresholds, AnalysisTarget.ThresholdOrigin)?
            do {
                // `thresholds(for:)`'s rule, with the sweep it would run already done.
                if try store.storedThresholds(for: source) == nil, let best = known[source] {
                    own = (best, .bestOnTrain)
                } else {
                    own = try thresholds(for: source)
                }
            } catch AppError.noTrainingClips {
                // Nothing to choose thresholds on: listed, without a Score.
                own = nil
            }
            let score = own.flatMap { scored.count > 0 ? SweepIndex(scored).metrics(at: $0.0).score : nil }
            return SourceChoice(source: source, clipCount: scored.count, projectClipCount: total, thresholds: own?.0,
                                thresholdOrigin: own?.1, score: score, isCurrent: source == current)
        }
    }
}

extension ProjectSession {
    /// How many of the project's labelled clips `source` has probabilities for, and how many
    /// there are (a list of encoders shows `99/3,050 clips` where it is partial).
    public func coverage(of source: SourceRef) throws -> (covered: Int, of: Int) {
        (try store.scoredClips(source: source).count, try store.clips().count)
    }
}
