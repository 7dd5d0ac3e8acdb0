import BlendCore

/// The Overview's duration section: the current source's clips in quartile bins of their
/// video duration, computed off the UI thread and refreshed while the Overview shows when the
/// thresholds have moved since.
public struct DurationSectionState: Sendable {
    /// The report for `computedAt`; nil until it arrives or when no clip has a duration.
    public var report: DurationReport?
    /// The thresholds of the last request (nil: none asked yet).
    public var requestedAt: Thresholds?
    /// The thresholds `report` was computed at.
    public var computedAt: Thresholds?
    /// Whether the loaded project has any duration, found once on load so that neither key
    /// presses nor frames scan the clips.
    public var available = false

    public init() {}

    /// How the section bins durations: quartiles, the analyst's first question.
    public static let binning = DurationBinning.quantiles(4)
}

/// What the duration section receives.
public enum DurationAction: Sendable {
    /// The report for the source's clips at these thresholds (nil: no clip has a duration).
    case analysed(DurationReport?, at: Thresholds)
}

extension WorkbenchProgram {
    func updateDurations(_ state: inout WorkbenchState, _ action: DurationAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .analysed(let report, let thresholds):
            // A report for thresholds since left behind is dropped; the newer request's comes.
            guard thresholds == state.durations.requestedAt else { return [] }
            state.durations.report = report
            state.durations.computedAt = thresholds
            return []
        }
    }

    /// Asks for the duration report when the Overview shows, the project has durations and the
    /// thresholds differ from the last request. `reset` forgets the last report (a new project).
    func refreshDurationsIfShown(_ state: inout WorkbenchState, reset: Bool = false) -> [Effect<WorkbenchAction>] {
        if reset {
            state.durations = DurationSectionState()
            state.durations.available = state.project?.hasDurations ?? false
        }
        guard state.durations.available, state.app.screen == .overview, state.durations.requestedAt != state.thresholds,
              let project = state.project, let index = project.index else { return [] }
        let thresholds = state.thresholds
        state.durations.requestedAt = thresholds
        return [.task(.durations) {
            .durations(.analysed(DurationSection.report(project: project, index: index, at: thresholds), at: thresholds))
        }]
    }
}

/// The computation behind the section, callable from tests and the effect alike.
enum DurationSection {
    /// The source's clips binned by duration (the snapshot's durations follow its `clips`;
    /// the index follows the source's scored clips, so they are matched by name).
    static func report(project: ProjectSnapshot, index: SweepIndex, at thresholds: Thresholds) -> DurationReport? {
        var byName = [String: Double]()
        for (clip, seconds) in zip(project.clips, project.durations) { if let seconds { byName[clip.name] = seconds } }
        return index.durationReport(durations: index.clips.map { byName[$0.name] }, binning: DurationSectionState.binning,
                                    at: thresholds)
    }
}

extension ProjectSnapshot {
    /// Whether any clip has a video duration (the duration section shows only then).
    public var hasDurations: Bool { durations.contains { $0 != nil } }
}
