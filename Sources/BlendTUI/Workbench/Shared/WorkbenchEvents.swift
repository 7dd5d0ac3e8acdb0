import BlendCore

/// What happened that screens other than the one acting may need to follow. The program
/// raises them where they happen (the project loaded, α/β moved, a screen came on show, this
/// process started or ended a job) and
/// `react` tells the features; nothing else runs "after every action" to find out.
enum WorkbenchEvent: Hashable, Sendable {
    /// The project (its source, clips and thresholds) was read or read again.
    case sourceChanged
    /// α or β moved; `alphaMoved` when α did (the per-actor β depend on α only).
    case thresholdsChanged(alphaMoved: Bool)
    /// `Screen` came on show.
    case screenEntered(Screen)
    /// This process started a job, asked one to stop or saw its own end: the list is stale.
    case jobsChanged
    /// The terminal's size changed (the clip pane's picture is decoded for its box).
    case terminalResized
}

extension WorkbenchProgram {
    /// Each feature's answer to `event`, in a fixed order.
    func react(_ state: inout WorkbenchState, _ event: WorkbenchEvent) -> [Effect<WorkbenchAction>] {
        switch event {
        case .sourceChanged:
            state.metrics = state.project?.index?.metrics(at: state.thresholds)
            refreshClips(&state)
            guard let project = state.project, let scored = project.scored, let index = project.index else {
                return shown(&state)
            }
            var effects: [Effect<WorkbenchAction>] = [.task(.analysis) { .analysed(ThresholdAnalysis(scored, index: index)) }]
            if !project.encoders.isEmpty {
                // An unreadable store only leaves the encoder table empty; the screens still work.
                let access = self.project
                effects.append(.task(.encoders) {
                    (try? EncoderBest.load(project, from: access)).map(WorkbenchAction.encodersAnalysed)
                })
            }
            let durations = DurationSectionReducer.refreshIfShown(&state.durations, ScreenContext(state), reset: true)
            effects += analyseActors(state) + scoped(&state, durations) + loadClipTags(state)
            return effects + shown(&state)
        case .thresholdsChanged(let alphaMoved):
            state.metrics = state.project?.index?.metrics(at: state.thresholds)
            // Only the screen on show pays for its tables; the others catch up when entered.
            rescoreActorsIfShown(&state)
            refreshConfusionIfShown(&state)
            return (alphaMoved ? analyseActors(state) : []) + clipRowsAfterThresholds(&state)
        case .screenEntered(let screen):
            // Any screen change looks at the jobs once, so a job another process started is
            // found (and polled until it ends) without a timer on an idle workbench; the Jobs
            // screen keeps polling while it shows.
            let jobs = scheduleJobsPoll(&state, after: .zero, once: true)
            // Leaving the Clips screen stops its video (entering it, `clipsFollowUp` shows one).
            return jobs + shown(&state) + (screen == .clips ? [] : followClipVideo(&state))
        case .jobsChanged:
            // One poll now reads the change (and toasts an end) rather than in half a second.
            return scheduleJobsPoll(&state, after: .zero)
        case .terminalResized:
            return followClipVideo(&state)
        }
    }

    /// What the screen on show needs that may be out of date: its tables recomputed at the
    /// current α/β and source, or its data read.
    private func shown(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        switch state.app.screen {
        case .clips:
            rescoreActorsIfShown(&state)
            return clipsFollowUp(&state)
        case .confusion:
            refreshConfusionIfShown(&state)
            return []
        case .fusion: return loadFusionIfShown(&state)
        case .overview: return scoped(&state, DurationSectionReducer.refreshIfShown(&state.durations, ScreenContext(state)))
        default: return []
        }
    }

    /// Asks for the per-actor β at the current α, off the UI thread.
    func analyseActors(_ state: WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let index = state.project?.index else { return [] }
        let alpha = state.thresholds.alpha
        return [.task(.actors) { .actorsAnalysed(index.actorBetas(alpha: alpha)) }]
    }
}
