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
    /// The workbench's own answer to `event` (the shared metrics and analyses), then each
    /// feature's (`reactFeatures`, in a fixed order; only the screen on show recomputes its
    /// tables, the others catch up on `screenEntered`).
    func react(_ state: inout WorkbenchState, _ event: WorkbenchEvent) -> [Effect<WorkbenchAction>] {
        var effects: [Effect<WorkbenchAction>] = []
        switch event {
        case .sourceChanged:
            state.metrics = state.project?.index?.metrics(at: state.thresholds)
            if let project = state.project, let scored = project.scored, let index = project.index {
                effects.append(.task(.analysis) { .analysed(ThresholdAnalysis(scored, index: index)) })
                if !project.encoders.isEmpty {
                    // An unreadable store only leaves the encoder table empty; the screens still work.
                    let access = self.project
                    effects.append(.task(.encoders) {
                        (try? EncoderBest.load(project, from: access)).map(WorkbenchAction.encodersAnalysed)
                    })
                }
            }
        case .thresholdsChanged:
            state.metrics = state.project?.index?.metrics(at: state.thresholds)
        case .screenEntered, .jobsChanged, .terminalResized:
            break
        }
        return effects + reactFeatures(&state, event)
    }
}
