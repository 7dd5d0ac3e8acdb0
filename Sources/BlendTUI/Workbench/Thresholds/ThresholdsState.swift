import BlendApp
import BlendCore

/// Which threshold the Thresholds screen's arrow keys move.
public enum ThresholdKnob: Hashable, Sendable {
    case alpha, beta
}

/// The Thresholds screen's own state: the knob the keys move, the value being typed, the
/// heatmap's metric and the per-actor table. The thresholds themselves are the workbench's
/// (every screen evaluates at them).
public struct ThresholdsState: Sendable {
    public var knob = ThresholdKnob.beta
    public var heatmapMetric = HeatmapMetric.score
    /// The value being typed for the selected knob, if any.
    public var typing: TextInput?
    /// Per-actor β at the α it was computed for (recomputed off the UI thread when α moves).
    public var actorReport: ActorBetaReport?
    /// Actors ranked by how far their best β lies from the global one (indices into
    /// `actorReport.actors`).
    public var actorRanking: [Int] = []
    public var actorScroll = TableScroll()
    /// The band around the selected actor's ACC_S(β) curve and the heatmap's best-cell
    /// interval, computed off the UI thread and cached per key.
    public var intervals = ThresholdsIntervals()
    /// Set when the project is read again, until the actor report for it arrives: the report
    /// on show may be another source's, so no band is asked for or drawn from it.
    var reportAwaited = false

    public init() {}

    /// The actor selected in the per-actor table.
    public var selectedActor: ActorBeta? {
        guard let report = actorReport, let selected = actorScroll.selected, selected < actorRanking.count else { return nil }
        return report.actors[actorRanking[selected]]
    }
}

/// What can happen on the Thresholds screen besides its commands.
public enum ThresholdsAction: Sendable {
    /// A key while a threshold value is being typed.
    case typing(KeyChord)
    /// Sets both thresholds at once (a heatmap click).
    case setThresholds(Thresholds)
    /// Sets the knob's value (a slider click).
    case setKnob(ThresholdKnob, Double)
    /// Selects a row of the actor table (a click).
    case selectActor(Int)
    /// The per-actor β at the current α, computed off the UI thread.
    case actorsAnalysed(ActorBetaReport)
    /// The thresholds were stored for the source, now the project's current one.
    case applied(Thresholds, SourceRef)
    case applyFailed(String)
    /// The selected actor's ACC_S(β) band, computed off the UI thread.
    case bandComputed(BandKey, [Interval])
    /// The heatmap's best-cell interval, computed off the UI thread.
    case bestCellComputed(BestCellKey, BestCellInterval)
}
