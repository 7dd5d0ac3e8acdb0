import BlendCore

extension ThresholdGrid {
    /// The largest grid whose search is redone in every replicate: 101 × 101 (a step of 0.01).
    /// The work and the per-actor count tables grow with the cells, so a step of 0.001 (a
    /// million cells) would take minutes and gigabytes for 2,000 replicates of 58 actors; there
    /// the best cell's interval is computed at fixed thresholds.
    public static let researchLimit = 101 * 101

    /// Whether bootstrap replicates redo the search on this grid (`researchLimit`).
    public var isResearched: Bool { alphas.count * betas.count <= Self.researchLimit }
}

/// The α × β search of one source over a selection.
public struct SweepOutcome: Sendable {
    public let source: SourceRef
    public let clips: ScoredClips
    public let result: SweepResult
    /// One best cell per group with `by`.
    public let groups: [GroupSweep]?
    /// Each group's intervals at its own best thresholds (held fixed), in `groups`' order: the
    /// group's actors resampled, or one actor's clips when grouped by actor.
    public let groupIntervals: [MetricIntervals]?
    /// The replicates that redo the search; nil on a grid beyond `ThresholdGrid.researchLimit`.
    public let bootstrap: ThresholdBootstrap?
    /// The best cell's intervals: the bootstrap's, else at its fixed thresholds.
    public let intervals: MetricIntervals
    public let unlabelled: Int
}

extension ProjectSession {
    /// `sweep`: the best cell of `grid`, overall and per group.
    public func sweep(_ source: SourceRef, in selection: ClipSelection = .all, grid: ThresholdGrid = .official,
                      by grouping: ClipGrouping? = nil, settings: BootstrapSettings = .standard) throws -> SweepOutcome {
        let (clips, left) = try scoredClips(source, in: selection)
        let plan = SweepIndex(clips).plan(grid)
        let result = plan.sweep()
        let groups = grouping.map { plan.sweep(by: $0) }
        let index = SweepIndex(clips)
        let groupIntervals = groups.map { groups in
            groups.map { g in
                grouping == .actor
                    ? ResamplingUnits.clips(index, at: g.best.thresholds, indices: g.members).bootstrap(settings)
                    : index.intervals(at: g.best.thresholds, indices: g.members, settings: settings)
            }
        }
        let boot = grid.isResearched ? plan.thresholdBootstrap(settings: settings) : nil
        let intervals = boot?.intervals ?? index.intervals(at: result.best.thresholds, settings: settings)
        return SweepOutcome(source: source, clips: clips, result: result, groups: groups, groupIntervals: groupIntervals,
                            bootstrap: boot,
                            intervals: intervals, unlabelled: left)
    }
}

extension ProjectSession {
    /// `open`'s intervals: each encoder's at its own best thresholds (held fixed) over the
    /// training split, its actors resampled, in `encoders`' order.
    public func intervals(of encoders: [EncoderAtBest], settings: BootstrapSettings = .standard) throws -> [MetricIntervals] {
        try encoders.map { e in
            let train = try store.scoredClips(encoder: e.encoder.name).filter { $0.split == .train }
            return SweepIndex(train).intervals(at: e.best.thresholds, settings: settings)
        }
    }
}
