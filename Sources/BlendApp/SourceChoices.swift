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

/// The sources a front end can make current, named before any is read: encoders with
/// probabilities, then saved fusions (a picker lists these at once and fills each row with
/// `sourceChoice(_:in:)`).
public struct SourceListing: Sendable, Hashable {
    public let sources: [SourceRef]
    public let current: SourceRef?
    /// The project's labelled clips.
    public let projectClipCount: Int
}

extension ProjectSession {
    /// Every source that can be made current, named (cheap: no probabilities are read).
    public func sourceListing() throws -> SourceListing {
        let sources = try store.encoders().filter { $0.probabilityCount > 0 }.map { SourceRef.encoder($0.name) }
            + store.fusions().map { SourceRef.fusion($0.spec.name) }
        return SourceListing(sources: sources, current: try store.settings().currentSource,
                             projectClipCount: try store.clips().count)
    }

    /// One source of `listing` with its coverage and Score at its own thresholds
    /// (`thresholds(for:)`'s rule): its clips are read once, and a best on train already
    /// swept in this session (the Overview's encoder table) is not swept again.
    public func sourceChoice(_ source: SourceRef, in listing: SourceListing) throws -> SourceChoice {
        let scored = try store.scoredClips(source: source)
        var own: (Thresholds, AnalysisTarget.ThresholdOrigin)?
        if let stored = try store.storedThresholds(for: source) {
            own = (stored, .stored)
        } else {
            do {
                own = (try bestOnTrain(scored, of: source), .bestOnTrain)
            } catch AppError.noTrainingClips {
                // Nothing to choose thresholds on: listed, without a Score.
                own = nil
            }
        }
        // One decode of its clips (the reference the sweep index is checked against).
        let score = own.flatMap { scored.count > 0 ? scored.evaluate($0.0).score : nil }
        return SourceChoice(source: source, clipCount: scored.count, projectClipCount: listing.projectClipCount,
                            thresholds: own?.0, thresholdOrigin: own?.1, score: score, isCurrent: source == listing.current)
    }

    /// Every source that can be made current, each with its coverage and Score at its own
    /// thresholds (`sourceChoice(_:in:)` for each of `sourceListing()`).
    public func sourceChoices() throws -> [SourceChoice] {
        let listing = try sourceListing()
        return try listing.sources.map { try sourceChoice($0, in: listing) }
    }
}
