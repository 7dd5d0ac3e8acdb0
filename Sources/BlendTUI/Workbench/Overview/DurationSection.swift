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

/// The section's reducer, over its own slice; `WorkbenchProgram` composes it.
enum DurationSectionReducer {
    static func reduce(_ durations: inout DurationSectionState, _ action: DurationAction) -> ScreenUpdate {
        switch action {
        case .analysed(let report, let thresholds):
            // A report for thresholds since left behind is dropped; the newer request's comes.
            guard thresholds == durations.requestedAt else { return .nothing }
            durations.report = report
            durations.computedAt = thresholds
            return .nothing
        }
    }

    /// The section follows the source (a new project forgets the last report) and catches up
    /// when the Overview comes on show.
    static func react(_ durations: inout DurationSectionState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .sourceChanged: refreshIfShown(&durations, context, reset: context.isScored)
        case .screenEntered: refreshIfShown(&durations, context)
        case .thresholdsChanged, .jobsChanged, .terminalResized: .nothing
        }
    }

    /// Asks for the duration report when the Overview shows, the project has durations and the
    /// thresholds differ from the last request. `reset` forgets the last report (a new project).
    static func refreshIfShown(_ durations: inout DurationSectionState, _ context: ScreenContext, reset: Bool = false) -> ScreenUpdate {
        if reset {
            durations = DurationSectionState()
            durations.available = context.project?.hasDurations ?? false
        }
        guard durations.available, context.screen == .overview, durations.requestedAt != context.thresholds,
              let project = context.project, let index = project.index else { return .nothing }
        let thresholds = context.thresholds
        durations.requestedAt = thresholds
        return ScreenUpdate(effects: [.task(.durations) {
            .durations(.analysed(DurationSection.report(project: project, index: index, at: thresholds), at: thresholds))
        }])
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
