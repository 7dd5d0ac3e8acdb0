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

/// The Thresholds screen's own intervals: the band around the selected actor's ACC_S(β) curve
/// and the heatmap's best cell, each cached per key.
public struct ThresholdsIntervals: Sendable {
    var bands = ResultCache<BandKey, [Interval]>(limit: 32)
    var bestCells = ResultCache<BestCellKey, BestCellInterval>(limit: 12)
    public let settings = BootstrapSettings.standard

    public init() {}
}
