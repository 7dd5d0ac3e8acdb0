import BlendApp
import BlendCore

/// What a selected actor's ACC_S(β) band was computed for: the source (and its clip count, in
/// case a project reloads), the α of the actor report the curve is drawn at, and the actor
/// (its scope: that actor's clips).
public struct BandKey: Hashable, Sendable {
    public let source: SourceRef
    public let clips: Int
    public let alpha: Double
    public let actor: String
}

/// What the heatmap's best-cell interval was computed for: the source and the metric whose best
/// cell it is. On the official grid these fix the cell's thresholds; the scope is all clips.
public struct BestCellKey: Hashable, Sendable {
    public let source: SourceRef
    public let clips: Int
    public let metric: HeatmapMetric
}

/// The actor bootstrap at the heatmap's best cell: its thresholds (checked against the cell on
/// show, so an answer for another sweep is never drawn as current) and the three rates'
/// intervals, with the clips and actors they rest on.
public struct BestCellInterval: Sendable {
    public let thresholds: Thresholds
    public let intervals: MetricIntervals
    public let clips: Int
}

/// A small cache of answers computed off the UI thread, keyed by what they were computed for.
/// `wanted` is the key last asked for; an answer is drawn only for the key the screen shows now.
public struct IntervalCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    public internal(set) var wanted: Key?
    var results: [Key: Value] = [:]
    var order: [Key] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    public subscript(key: Key) -> Value? { results[key] }

    /// Marks `key` wanted; true when it still has to be computed (neither cached nor running).
    mutating func want(_ key: Key) -> Bool {
        let running = wanted == key && results[key] == nil
        wanted = key
        return results[key] == nil && !running
    }

    /// Keeps an answer; the oldest other than the wanted one goes when the cache is full.
    mutating func store(_ value: Value, for key: Key) {
        if results[key] == nil { order.append(key) }
        results[key] = value
        while order.count > limit, let i = order.firstIndex(where: { $0 != wanted }) {
            results[order.remove(at: i)] = nil
        }
    }
}

/// The Thresholds screen's own intervals: the band around the selected actor's ACC_S(β) curve
/// and the heatmap's best cell, each cached per key.
public struct ThresholdsIntervals: Sendable {
    public internal(set) var bands = IntervalCache<BandKey, [Interval]>(limit: 32)
    public internal(set) var bestCells = IntervalCache<BestCellKey, BestCellInterval>(limit: 12)
    public let settings = BootstrapSettings.standard

    public init() {}
}
