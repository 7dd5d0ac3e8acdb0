import BlendApp
import BlendCore

/// What one of the Overview's intervals was computed for: the source and the digest of the
/// clips and probabilities it reads (`ContentDigest`: a fusion's weights, predictions
/// imported again, another project with as many clips all give another key), the thresholds
/// it was held at (none for the folds, whose thresholds are each fold's own and the ones
/// chosen on the others) and the clips it is over.
public struct OverviewIntervalKey: Hashable, Sendable {
    public enum Scope: Hashable, Sendable {
        /// An encoder at its own best on the official grid, over the training split (the encoders table).
        case ownBestOnTrain
        /// Each training fold, and the honest Score's mean over folds (the folds pane).
        case folds
        /// Every clip of the source at the workbench's α/β (the summary's metrics).
        case all
    }

    public let source: SourceRef
    public let thresholds: Thresholds?
    /// The digest of the clips the answer is computed over (nil only for hand-made rows).
    public let content: ContentDigest?
    public let scope: Scope

    public init(source: SourceRef, thresholds: Thresholds?, content: ContentDigest?, scope: Scope) {
        self.source = source
        self.thresholds = thresholds
        self.content = content
        self.scope = scope
    }
}

/// One computed answer: a cell's three intervals, or a fold report's.
public enum OverviewIntervals: Sendable {
    case metrics(MetricIntervals)
    case folds(FoldIntervals)

    public var metrics: MetricIntervals? { if case .metrics(let m) = self { m } else { nil } }
    public var folds: FoldIntervals? { if case .folds(let f) = self { f } else { nil } }
}

/// The Overview's intervals, computed off the UI thread (the actor bootstrap of BlendCore)
/// and cached per key. The view looks each number's interval up by the key of what it shows
/// now, so an interval for other thresholds or another source is never drawn as current:
/// until its own arrives the number shows `[…]`.
public struct OverviewState: Sendable {
    /// The answers by key (the oldest dropped first beyond `cacheLimit`, never one on show).
    var results = ResultCache<OverviewIntervalKey, OverviewIntervals>(limit: OverviewState.cacheLimit)
    /// Keys asked for and not answered yet.
    public internal(set) var pending: Set<OverviewIntervalKey> = []
    /// Keys whose computation failed (shown as `–`, asked for again on the next event).
    public internal(set) var failed: Set<OverviewIntervalKey> = []

    /// Enough for every encoder of a large project, its folds and a few recent α/β.
    static let cacheLimit = 64

    public init() {}

    public func intervals(_ key: OverviewIntervalKey) -> MetricIntervals? { results[key]?.metrics }
    public func folds(_ key: OverviewIntervalKey) -> FoldIntervals? { results[key]?.folds }
    public func has(_ key: OverviewIntervalKey) -> Bool { results[key] != nil }

    /// How a number whose interval is cached under `key` shows it while it has none: `[…]`
    /// while it is computed (or not asked for yet), `–` when its computation failed.
    public func placeholder(_ key: OverviewIntervalKey?) -> String {
        key.map { failed.contains($0) } == true ? "–" : "[…]"
    }

    mutating func store(_ value: OverviewIntervals, for key: OverviewIntervalKey, keeping wanted: Set<OverviewIntervalKey>) {
        results.store(value, for: key, keeping: wanted)
        pending.remove(key)
        failed.remove(key)
    }
}

/// What the Overview's interval effects answer.
public enum OverviewAction: Sendable {
    case computed([(OverviewIntervalKey, OverviewIntervals)])
    case failed([OverviewIntervalKey], String)
}
