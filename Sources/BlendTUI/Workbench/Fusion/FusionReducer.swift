import BlendApp
import BlendCore
import Foundation

/// The Fusion screen's part of the workbench reducer: weight moves and toggles with live
/// metrics, the method chooser, the re-optimisation job and its proposal, and the save prompt.
extension WorkbenchProgram {
    /// Above this many clips the edited weights are always measured off the UI thread.
    static let fusionInlineClipLimit = 20_000
    /// Below this, one measurement of the starting weights leaves room in a frame: edits are
    /// measured in line. (A debug build on the demo takes ~190 ms, far above it.)
    static let fusionInlineTime = Duration.milliseconds(8)
    /// How long a burst of weight keys waits before measuring, so only its last step is measured.
    static let fusionMeasureDelay = Duration.milliseconds(40)

    /// The methods the chooser offers, in its order.
    static let fusionMethods: [FusionMethod] = [.greedy, .coordinate, .simplex]

    func updateFusion(_ state: inout WorkbenchState, _ action: FusionAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .load:
            guard !state.fusion.loading else { return [] }
            state.fusion.loading = true
            state.fusion.loadError = nil
            let path = state.path, source = state.project?.source, access = project
            return [.task(.fusionLoad) { .fusion(FusionEffects.load(path: path, source: source, from: access)) }]
        case .loaded(let data):
            state.fusion.loading = false
            state.fusion.data = data
            state.fusion.weights = data.startWeights
            state.fusion.active = data.startActive
            state.fusion.edited = data.current
            state.fusion.editedError = nil
            state.fusion.measuring = false
            state.fusion.selected = min(state.fusion.selected, data.inputs.encoderCount - 1)
            state.fusion.proposal = nil
            state.fusion.accepted = nil
            return leaveOneOut(&state)
        case .loadFailed(let message):
            state.fusion.loading = false
            state.fusion.loadError = message
        case .select(let row):
            guard let count = state.fusion.data?.inputs.encoderCount else { return [] }
            state.fusion.selected = min(max(row, 0), count - 1)
        case .setWeight(let index, let value):
            guard let count = state.fusion.data?.inputs.encoderCount, index >= 0, index < count else { return [] }
            state.fusion.selected = index
            return setFusionWeight(&state, index, value)
        case .modalKey(let chord):
            return fusionModalKey(&state, chord)
        case .measured(let weights, let report):
            guard weights == state.fusion.weights else { return [] }
            state.fusion.edited = report
            state.fusion.editedError = nil
            state.fusion.measuring = false
            return leaveOneOut(&state)
        case .leftOut(let weights, let changes):
            guard weights == state.fusion.weights else { return [] }
            state.fusion.leaveOneOut = changes
            state.fusion.leaveOneOutWeights = weights
        case .measureFailed(let weights, let message):
            guard weights == state.fusion.weights else { return [] }
            state.fusion.measuring = false
            state.fusion.edited = nil
            state.fusion.editedError = message
        case .jobStarted(let context):
            state.fusion.job?.context = context
            // The Jobs screen counts it as this process's own: the status bar shows it and
            // quitting asks first.
            return update(&state, .jobs(.started(context.jobID)))
        case .jobProgress(let fraction, let message, let score):
            state.fusion.job?.fraction = fraction
            state.fusion.job?.message = message
            if let score { state.fusion.job?.score = score }
        case .jobFinished(let proposal):
            let method = state.fusion.job?.method.rawValue ?? proposal.report.settings.method.rawValue
            let ended = endFusionJob(&state)
            state.fusion.proposal = proposal
            return ended + fusionToast(&state, "\(method) finished: honest Score \(Format.fraction(proposal.report.honest.score)) · a accepts, d discards",
                                       .success)
        case .jobFailed(let message):
            let ended = endFusionJob(&state)
            state.fusion.lastFailure = message
            return ended + fusionToast(&state, "re-optimisation failed: \(message)", .error)
        case .jobCancelled:
            let ended = endFusionJob(&state)
            return ended + fusionToast(&state, "re-optimisation cancelled", .warning)
        case .saved(let saved):
            state.fusion.saving = false
            state.fusion.accepted = nil
            if let data = state.fusion.data {
                // The saved weights are now the current source's: they become the start.
                state.fusion.data = FusionData(inputs: data.inputs, startFusion: saved, startWeights: state.fusion.weights,
                                               startActive: state.fusion.active, current: state.fusion.edited ?? data.current,
                                               fusionNames: data.fusionNames.filter { $0 != saved.spec.name } + [saved.spec.name],
                                               measureTime: data.measureTime)
            }
            let toast = fusionToast(&state, "saved fusion \(saved.spec.name) as the current source", .success)
            return toast + update(&state, .load)
        case .saveFailed(let message):
            state.fusion.saving = false
            return fusionToast(&state, "save failed: \(message)", .error)
        }
        return []
    }

    /// Runs a Fusion command; nil when `id` is not one.
    func runFusion(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        guard FusionCommands.ids.contains(id) else { return nil }
        let fusion = state.fusion
        guard let data = fusion.data else { return [] }
        let i = fusion.selected
        switch id {
        case FusionCommands.down: state.fusion.selected = min(i + 1, data.inputs.encoderCount - 1)
        case FusionCommands.up: state.fusion.selected = max(i - 1, 0)
        case FusionCommands.increase: return stepFusionWeight(&state, FusionCommands.fineStep)
        case FusionCommands.decrease: return stepFusionWeight(&state, -FusionCommands.fineStep)
        case FusionCommands.increaseCoarse: return stepFusionWeight(&state, FusionCommands.coarseStep)
        case FusionCommands.decreaseCoarse: return stepFusionWeight(&state, -FusionCommands.coarseStep)
        case FusionCommands.toggle:
            guard let toggled = FusionWeightEditor.toggling(i, in: fusion.weights, active: fusion.active) else {
                return fusionToast(&state, "at least one encoder must stay on", .warning)
            }
            state.fusion.active = toggled.active
            state.fusion.weights = toggled.weights
            return remeasureFusion(&state)
        case FusionCommands.reset:
            state.fusion.weights = data.startWeights
            state.fusion.active = data.startActive
            return remeasureFusion(&state)
        case FusionCommands.optimise:
            guard fusion.job == nil else { return fusionToast(&state, "a re-optimisation is already running", .warning) }
            state.fusion.chooser = 0
        case FusionCommands.accept:
            guard let proposal = fusion.proposal else { return fusionToast(&state, "no proposal to accept (o re-optimises)", .info) }
            state.fusion.weights = proposal.weights
            state.fusion.active = proposal.weights.map { $0 > 0 }
            state.fusion.edited = proposal.fixed
            state.fusion.editedError = nil
            state.fusion.measuring = false
            state.fusion.accepted = proposal
            state.fusion.proposal = nil
            return leaveOneOut(&state)
        case FusionCommands.discard:
            guard fusion.proposal != nil else { return fusionToast(&state, "no proposal to discard", .info) }
            state.fusion.proposal = nil
        case FusionCommands.save:
            guard fusion.edited != nil, !fusion.measuring, !fusion.saving else {
                return fusionToast(&state, "nothing to save yet (measuring or saving)", .info)
            }
            state.fusion.naming = TextInput(defaultFusionName(fusion, data))
        case FusionCommands.cancel:
            guard let job = fusion.job else { return fusionToast(&state, "no re-optimisation is running", .info) }
            guard let context = job.context else { return fusionToast(&state, "the job is still starting; try again", .info) }
            state.fusion.job?.message = "cancelling…"
            return [.run { _ in context.cancel() }]
        default:
            break
        }
        return []
    }

    /// Loads the inputs the first time the Fusion screen shows (after the project).
    func loadFusionIfShown(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard state.app.screen == .fusion, state.project?.source != nil, state.fusion.data == nil,
              !state.fusion.loading, state.fusion.loadError == nil else { return [] }
        return updateFusion(&state, .load)
    }

    /// Keys for the chooser and the name prompt, and mouse input on the Fusion screen; nil
    /// when the event is not the screen's.
    func fusionInput(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.app.overlay == nil, state.app.screen == .fusion else { return nil }
        switch event {
        case .key(let chord) where state.fusion.isModal:
            return .fusion(.modalKey(chord))
        case .mouse(let mouse):
            let layout = FusionLayout(state.app)
            switch mouse.action {
            case .wheelDown where layout.weights.contains(x: mouse.x, y: mouse.y):
                return .fusion(.select(state.fusion.selected + 1))
            case .wheelUp where layout.weights.contains(x: mouse.x, y: mouse.y):
                return .fusion(.select(state.fusion.selected - 1))
            case .press(.left):
                switch region.flatMap(ClickTarget.init(region:)) {
                case .fusionBar(let row):
                    let bar = layout.bar(hasProposal: state.fusion.proposal != nil)
                    // The cell just left of the bar means 0; the bar's k-th cell fills k cells.
                    let cells = Double(mouse.x - bar.x + 1)
                    return .fusion(.setWeight(row, (cells / Double(bar.width) * 100).rounded() / 100))
                case .fusionRow(let row): return .fusion(.select(row))
                default: return nil
                }
            default:
                return nil
            }
        default:
            return nil
        }
    }

    // MARK: Weights

    private func stepFusionWeight(_ state: inout WorkbenchState, _ delta: Double) -> [Effect<WorkbenchAction>] {
        let i = state.fusion.selected
        guard i < state.fusion.weights.count else { return [] }
        return setFusionWeight(&state, i, ((state.fusion.weights[i] + delta) * 100).rounded() / 100)
    }

    private func setFusionWeight(_ state: inout WorkbenchState, _ index: Int, _ value: Double) -> [Effect<WorkbenchAction>] {
        let fusion = state.fusion
        guard let data = fusion.data else { return [] }
        guard fusion.active[index] else {
            return fusionToast(&state, "\(data.inputs.encoders[index]) is off (space switches it on)", .info)
        }
        guard fusion.active.filter({ $0 }).count > 1 else {
            return fusionToast(&state, "the only encoder on keeps weight 1", .info)
        }
        let moved = FusionWeightEditor.setting(index, to: value, in: fusion.weights, active: fusion.active)
        guard moved != fusion.weights else { return [] }
        state.fusion.weights = moved
        return remeasureFusion(&state)
    }

    /// Measures the edited weights: in line when that is cheap, else as a keyed effect (a
    /// newer step supersedes it; the last figures stay on screen, marked, until it reports).
    private func remeasureFusion(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let data = state.fusion.data else { return [] }
        let inputs = data.inputs, weights = state.fusion.weights
        if state.fusion.accepted?.weights != weights { state.fusion.accepted = nil }
        guard inputs.clipCount > Self.fusionInlineClipLimit || data.measureTime > Self.fusionInlineTime else {
            return updateFusion(&state, FusionEffects.measure(inputs, weights))
        }
        state.fusion.measuring = true
        let delay = Self.fusionMeasureDelay
        return [.run(.fusionMetrics) { send in
            // Superseded during the wait (another key of a burst): measure nothing.
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            send(.fusion(FusionEffects.measure(inputs, weights)))
        }]
    }

    /// Asks for the edited weights' leave-one-out changes (the old ones stay until they arrive).
    private func leaveOneOut(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let inputs = state.fusion.data?.inputs, let score = state.fusion.edited?.pooled.score else { return [] }
        return [FusionEffects.leaveOneOut(inputs, state.fusion.weights, score: score, delay: Self.fusionMeasureDelay)
            .map(WorkbenchAction.fusion)]
    }

    // MARK: Chooser and name prompt

    private func fusionModalKey(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        if var input = state.fusion.naming {
            switch chord.key {
            case .escape:
                state.fusion.naming = nil
            case .enter:
                return saveFusion(&state, name: input.text.trimmingCharacters(in: .whitespaces))
            default:
                _ = input.handle(chord)
                state.fusion.naming = input
            }
            return []
        }
        guard let row = state.fusion.chooser else { return [] }
        let methods = Self.fusionMethods
        switch chord.key {
        case .escape: state.fusion.chooser = nil
        case .down, .character("j"): state.fusion.chooser = min(row + 1, methods.count - 1)
        case .up, .character("k"): state.fusion.chooser = max(row - 1, 0)
        case .enter: return startFusionJob(&state, methods[row])
        case .character(let c):
            if let method = methods.first(where: { $0.rawValue.first == c }) { return startFusionJob(&state, method) }
        default: break
        }
        return []
    }

    private func startFusionJob(_ state: inout WorkbenchState, _ method: FusionMethod) -> [Effect<WorkbenchAction>] {
        state.fusion.chooser = nil
        guard let data = state.fusion.data, state.fusion.job == nil else { return [] }
        let active = state.fusion.active.indices.filter { state.fusion.active[$0] }
        state.fusion.job = RunningFusionJob(method: method)
        state.fusion.proposal = nil
        state.fusion.lastFailure = nil
        return [FusionEffects.optimise(path: state.path, inputs: data.inputs, active: active, method: method,
                                       background: jobsBackground).map(WorkbenchAction.fusion)]
    }

    /// Clears the running job and tells the Jobs screen this process no longer runs it.
    private func endFusionJob(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        let id = state.fusion.job?.context?.jobID
        state.fusion.job = nil
        return id.map { update(&state, .jobs(.ownJobEnded($0))) } ?? []
    }

    private func saveFusion(_ state: inout WorkbenchState, name: String) -> [Effect<WorkbenchAction>] {
        guard let data = state.fusion.data, let edit = state.fusion.edited else { return [] }
        guard !name.isEmpty else { return fusionToast(&state, "a fusion needs a name", .warning) }
        if data.fusionNames.contains(name), name != data.startFusion?.spec.name {
            return fusionToast(&state, "a fusion named \(name) already exists: pick another name", .warning)
        }
        state.fusion.naming = nil
        state.fusion.saving = true
        return [FusionEffects.save(path: state.path, name: name, data: data, weights: state.fusion.weights, edit: edit,
                                   accepted: state.fusion.accepted, from: project).map(WorkbenchAction.fusion)]
    }

    /// `tui-<method>`, made unique among the saved names: a save never replaces a fusion
    /// unless its name is typed (only the one the screen started from can be replaced).
    private func defaultFusionName(_ fusion: FusionState, _ data: FusionData) -> String {
        let base = "tui-" + (fusion.accepted?.report.settings.method.rawValue ?? "manual")
        var name = base, n = 2
        while data.fusionNames.contains(name) {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }

    private func fusionToast(_ state: inout WorkbenchState, _ text: String, _ kind: ToastKind) -> [Effect<WorkbenchAction>] {
        update(&state, .app(.showToast(text, kind)))
    }
}
