import BlendApp
import BlendCore

/// Asking for the Thresholds screen's own intervals: the band around the selected actor's
/// ACC_S(β) curve (that actor's clips resampled, at the actor report's α) and the actor
/// bootstrap at the heatmap's best cell. Both run as effects, only while the screen shows and
/// only for keys not cached or running; a β step asks for neither.
extension ThresholdsReducer {
    /// The band the screen would draw now: nil until the actor report is at the current α and
    /// for the source read last (a new one is on its way, and asks again when it lands).
    static func bandKey(_ screen: ThresholdsState, project: ProjectSnapshot?, alpha: Double) -> BandKey? {
        guard !screen.reportAwaited, let source = project?.source, let scored = project?.scored,
              let report = screen.actorReport, report.alpha == alpha, let actor = screen.selectedActor else { return nil }
        return BandKey(source: source, clips: scored.count, alpha: report.alpha, actor: actor.actor)
    }

    /// The best cell the heatmap would mark now, for its metric.
    static func bestCellKey(_ screen: ThresholdsState, project: ProjectSnapshot?) -> BestCellKey? {
        guard let source = project?.source, let scored = project?.scored else { return nil }
        return BestCellKey(source: source, clips: scored.count, metric: screen.heatmapMetric)
    }

    static func requestBand(_ screen: inout ThresholdsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.screen == .thresholds, let index = context.project?.index,
              let key = bandKey(screen, project: context.project, alpha: context.thresholds.alpha),
              let actor = screen.selectedActor, let betas = screen.actorReport?.betas,
              screen.intervals.bands.want(key) else { return [] }
        let settings = screen.intervals.settings, members = actor.clips
        return [.task(.screen(.thresholds, "band")) {
            .thresholds(.bandComputed(key, Self.band(index, members: members, key: key, betas: betas, settings: settings)))
        }]
    }

    static func requestBestCell(_ screen: inout ThresholdsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.screen == .thresholds, let index = context.project?.index,
              let key = bestCellKey(screen, project: context.project), screen.intervals.bestCells.want(key) else { return [] }
        let settings = screen.intervals.settings
        return [.task(.screen(.thresholds, "best-cell")) {
            .thresholds(.bestCellComputed(key, Self.bestCell(index, metric: key.metric, settings: settings)))
        }]
    }

    /// The band's work (the effect's, and the tests' to fill a state without running effects).
    static func band(_ index: SweepIndex, members: [Int], key: BandKey, betas: [Double],
                     settings: BootstrapSettings) -> [Interval] {
        index.actorSalienceBand(members: members, alpha: key.alpha, betas: betas, settings: settings)
    }

    /// The best cell's work: the official-grid sweep over all clips (the heatmap's), its best
    /// cell for `metric` by the sweep's own tie rule, and the actor bootstrap there.
    static func bestCell(_ index: SweepIndex, metric: HeatmapMetric, settings: BootstrapSettings) -> BestCellInterval {
        let cell = metric.best(in: index.sweep(grid: .official))
        return BestCellInterval(thresholds: cell.thresholds, intervals: index.intervals(at: cell.thresholds, settings: settings),
                                clips: index.count)
    }
}
