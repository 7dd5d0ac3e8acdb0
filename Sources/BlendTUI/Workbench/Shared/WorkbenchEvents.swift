import BlendCore

/// What happened that screens other than the one acting may need to follow. The program
/// raises them where they happen (the project loaded, α/β moved, a screen came on show) and
/// `react` tells the features; nothing else runs "after every action" to find out.
enum WorkbenchEvent: Hashable, Sendable {
    /// The project (its source, clips and thresholds) was read or read again.
    case sourceChanged
    /// α or β moved; `alphaMoved` when α did (the per-actor β depend on α only).
    case thresholdsChanged(alphaMoved: Bool)
    /// `Screen` came on show.
    case screenEntered(Screen)
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
            effects += analyseActors(state) + refreshDurationsIfShown(&state, reset: true) + loadClipTags(state)
            return effects + shown(&state)
        case .thresholdsChanged(let alphaMoved):
            state.metrics = state.project?.index?.metrics(at: state.thresholds)
            // Only the screen on show pays for its tables; the others catch up when entered.
            rescoreActorsIfShown(&state)
            refreshConfusionIfShown(&state)
            return (alphaMoved ? analyseActors(state) : []) + clipRowsAfterThresholds(&state)
        case .screenEntered:
            return shown(&state)
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
        case .overview: return refreshDurationsIfShown(&state)
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
