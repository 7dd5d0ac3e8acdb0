import BlendApp
import BlendCore
import Foundation

/// The Fusion screen's reducer over its own slice: weight moves and toggles with live metrics,
/// the method chooser, the re-optimisation job and its proposal, and the save prompt. The job's
/// start and end are told to the Jobs screen, and a save reloads the project, as actions asked
/// of the workbench.
enum FusionReducer {
    /// Above this many clips the edited weights are always measured off the UI thread.
    static let inlineClipLimit = 20_000
    /// Below this, one measurement of the starting weights leaves room in a frame: edits are
    /// measured in line. (A debug build on the demo takes ~190 ms, far above it.)
    static let inlineTime = Duration.milliseconds(8)
    /// How long a burst of weight keys waits before measuring, so only its last step is measured.
    static let measureDelay = Duration.milliseconds(40)

    /// The bootstrap of the screen's intervals (the CLI's defaults, as the proposal's).
    static let intervalSettings = BootstrapSettings.standard

    /// The methods the chooser offers, in its order.
    static let methods: [FusionMethod] = [.greedy, .coordinate, .simplex]

    static func reduce(_ fusion: inout FusionState, _ action: FusionAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .load:
            guard !fusion.loading else { return .nothing }
            fusion.loading = true
            fusion.loadError = nil
            let path = context.path, source = context.project?.source, access = context.access
            return ScreenUpdate(effects: [.task(.fusionLoad) { .fusion(FusionEffects.load(path: path, source: source, from: access)) }])
        case .loaded(let data):
            fusion.loading = false
            fusion.data = data
            fusion.weights = data.startWeights
            fusion.active = data.startActive
            fusion.edited = data.current
            fusion.editedError = nil
            fusion.measuring = false
            fusion.selected = min(fusion.selected, data.inputs.encoderCount - 1)
            fusion.proposal = nil
            fusion.accepted = nil
            // A new load may read other predictions: intervals of the last one are dropped.
            fusion.generation += 1
            fusion.foldIntervals = ResultCache(limit: fusion.foldIntervals.limit)
            if let ci = data.currentFoldIntervals {
                fusion.foldIntervals.store(ci, for: FusionFoldKey(generation: fusion.generation, weights: data.current.weights))
            }
            return leaveOneOut(&fusion, context)
        case .foldIntervals(let key, let intervals):
            guard key.generation == fusion.generation else { return .nothing }
            fusion.foldIntervals.store(intervals, for: key, keeping: Set([fusion.editedFoldKey, fusion.proposalFoldKey].compactMap { $0 }))
        case .loadFailed(let message):
            fusion.loading = false
            fusion.loadError = message
        case .select(let row):
            guard let count = fusion.data?.inputs.encoderCount else { return .nothing }
            fusion.selected = min(max(row, 0), count - 1)
        case .setWeight(let index, let value):
            guard let count = fusion.data?.inputs.encoderCount, index >= 0, index < count else { return .nothing }
            fusion.selected = index
            return setFusionWeight(&fusion, index, value, context)
        case .modalKey(let chord):
            return fusionModalKey(&fusion, chord, context)
        case .measured(let weights, let report):
            guard weights == fusion.weights else { return .nothing }
            fusion.edited = report
            fusion.editedError = nil
            fusion.measuring = false
            return leaveOneOut(&fusion, context)
        case .leftOut(let weights, let changes):
            guard weights == fusion.weights else { return .nothing }
            fusion.leaveOneOut = changes
            fusion.leaveOneOutWeights = weights
        case .measureFailed(let weights, let message):
            guard weights == fusion.weights else { return .nothing }
            fusion.measuring = false
            fusion.edited = nil
            fusion.editedError = message
        case .jobStarted(let job):
            fusion.job?.context = job
            // The Jobs screen counts it as this process's own: the status bar shows it and
            // quitting asks first.
            return .ask(.jobs(.started(job.jobID)))
        case .jobProgress(let fraction, let message, let score):
            fusion.job?.fraction = fraction
            fusion.job?.message = message
            if let score { fusion.job?.score = score }
        case .jobFinished(let proposal):
            let method = fusion.job?.method.rawValue ?? proposal.report.settings.method.rawValue
            let ended = endFusionJob(&fusion, context)
            fusion.proposal = proposal
            // Its "α/β from other folds" figure gets its interval too (off the UI thread).
            var asked: [Effect<WorkbenchAction>] = []
            if let key = fusion.proposalFoldKey, fusion.foldIntervals[key] == nil, let inputs = fusion.data?.inputs {
                asked.append(FusionEffects.foldIntervals(inputs, proposal.fixed, key: key, of: "proposal"))
            }
            return ended + ScreenUpdate(effects: asked) + .toast("\(method) finished: honest Score \(Format.fraction(proposal.report.honest.score)) · a accepts, d discards",
                                       .success)
        case .jobFailed(let message):
            let ended = endFusionJob(&fusion, context)
            fusion.lastFailure = message
            return ended + .toast("re-optimisation failed: \(message)", .error)
        case .jobCancelled:
            let ended = endFusionJob(&fusion, context)
            return ended + .toast("re-optimisation cancelled", .warning)
        case .saved(let saved):
            fusion.saving = false
            fusion.accepted = nil
            if let data = fusion.data {
                // The saved weights are now the current source's: they become the start.
                fusion.data = FusionData(inputs: data.inputs, startFusion: saved, startWeights: fusion.weights,
                                               startActive: fusion.active, current: fusion.edited ?? data.current,
                                               fusionNames: data.fusionNames.filter { $0 != saved.spec.name } + [saved.spec.name],
                                               measureTime: data.measureTime)
            }
            let toast = ScreenUpdate.toast("saved fusion \(saved.spec.name) as the current source", .success)
            return toast + .ask(.load)
        case .saveFailed(let message):
            fusion.saving = false
            return .toast("save failed: \(message)", .error)
        }
        return .nothing
    }

    /// Runs a Fusion command; nil when `id` is not one.
    static func run(_ fusion: inout FusionState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        guard FusionCommands.ids.contains(id) else { return nil }
        guard let data = fusion.data else { return .nothing }
        let i = fusion.selected
        switch id {
        case FusionCommands.down: fusion.selected = min(i + 1, data.inputs.encoderCount - 1)
        case FusionCommands.up: fusion.selected = max(i - 1, 0)
        case FusionCommands.increase: return stepFusionWeight(&fusion, FusionCommands.fineStep, context)
        case FusionCommands.decrease: return stepFusionWeight(&fusion, -FusionCommands.fineStep, context)
        case FusionCommands.increaseCoarse: return stepFusionWeight(&fusion, FusionCommands.coarseStep, context)
        case FusionCommands.decreaseCoarse: return stepFusionWeight(&fusion, -FusionCommands.coarseStep, context)
        case FusionCommands.toggle:
            guard let toggled = FusionWeightEditor.toggling(i, in: fusion.weights, active: fusion.active) else {
                return .toast("at least one encoder must stay on", .warning)
            }
            fusion.active = toggled.active
            fusion.weights = toggled.weights
            return remeasureFusion(&fusion, context)
        case FusionCommands.reset:
            fusion.weights = data.startWeights
            fusion.active = data.startActive
            return remeasureFusion(&fusion, context)
        case FusionCommands.optimise:
            guard fusion.job == nil else { return .toast("a re-optimisation is already running", .warning) }
            fusion.chooser = 0
        case FusionCommands.accept:
            guard let proposal = fusion.proposal else { return .toast("no proposal to accept (o re-optimises)", .info) }
            fusion.weights = proposal.weights
            fusion.active = proposal.weights.map { $0 > 0 }
            fusion.edited = proposal.fixed
            fusion.editedError = nil
            fusion.measuring = false
            fusion.accepted = proposal
            fusion.proposal = nil
            return leaveOneOut(&fusion, context)
        case FusionCommands.discard:
            guard fusion.proposal != nil else { return .toast("no proposal to discard", .info) }
            fusion.proposal = nil
        case FusionCommands.save:
            guard fusion.edited != nil, !fusion.measuring, !fusion.saving else {
                return .toast("nothing to save yet (measuring or saving)", .info)
            }
            fusion.naming = TextInput(defaultFusionName(fusion, data))
        case FusionCommands.cancel:
            guard let job = fusion.job else { return .toast("no re-optimisation is running", .info) }
            guard let running = job.context else { return .toast("the job is still starting; try again", .info) }
            fusion.job?.message = "cancelling…"
            return ScreenUpdate(effects: [.run { _ in running.cancel() }])
        default:
            break
        }
        return .nothing
    }

    /// The Fusion screen reads its inputs the first time it shows with a project read.
    static func react(_ fusion: inout FusionState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .sourceChanged, .screenEntered: loadIfShown(&fusion, context)
        case .thresholdsChanged, .jobsChanged, .terminalResized: .nothing
        }
    }

    /// Loads the inputs the first time the Fusion screen shows (after the project).
    static func loadIfShown(_ fusion: inout FusionState, _ context: ScreenContext) -> ScreenUpdate {
        guard context.screen == .fusion, context.project?.source != nil, fusion.data == nil,
              !fusion.loading, fusion.loadError == nil else { return .nothing }
        return reduce(&fusion, .load, context)
    }

    /// Keys for the chooser and the name prompt, and mouse input on the Fusion screen; nil
    /// when the event is not the screen's.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.app.overlay == nil, state.app.screen == .fusion else { return nil }
        switch event {
        case .key(let chord) where state.fusion.isModal:
            return .fusion(.modalKey(chord))
        case .mouse(let mouse):
            let layout = FusionLayout(state.app, data: state.fusion.data)
            switch mouse.action {
            case .wheelDown where layout.weights.contains(x: mouse.x, y: mouse.y):
                return .fusion(.select(state.fusion.selected + 1))
            case .wheelUp where layout.weights.contains(x: mouse.x, y: mouse.y):
                return .fusion(.select(state.fusion.selected - 1))
            case .press(.left):
                switch region.flatMap(ClickTarget.init(region:)) {
                case .fusionBar(let row):
                    let bar = layout.bar(for: state.fusion)
                    // The cell just left of the bar means 0; the bar's k-th cell fills k cells, and a
                    // full bar is the largest weight (as drawn).
                    let cells = Double(mouse.x - bar.x + 1), scale = FusionScreen.barScale(state.fusion.weights)
                    return .fusion(.setWeight(row, (cells / Double(bar.width) * scale * 100).rounded() / 100))
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

    private static func stepFusionWeight(_ fusion: inout FusionState, _ delta: Double, _ context: ScreenContext) -> ScreenUpdate {
        let i = fusion.selected
        guard i < fusion.weights.count else { return .nothing }
        return setFusionWeight(&fusion, i, ((fusion.weights[i] + delta) * 100).rounded() / 100, context)
    }

    private static func setFusionWeight(_ fusion: inout FusionState, _ index: Int, _ value: Double, _ context: ScreenContext) -> ScreenUpdate {
        guard let data = fusion.data else { return .nothing }
        guard fusion.active[index] else {
            return .toast("\(data.inputs.encoders[index]) is off (space switches it on)", .info)
        }
        guard fusion.active.filter({ $0 }).count > 1 else {
            return .toast("the only encoder on keeps weight 1", .info)
        }
        let moved = FusionWeightEditor.setting(index, to: value, in: fusion.weights, active: fusion.active)
        guard moved != fusion.weights else { return .nothing }
        fusion.weights = moved
        return remeasureFusion(&fusion, context)
    }

    /// Measures the edited weights: in line when that is cheap, else as a keyed effect (a
    /// newer step supersedes it; the last figures stay on screen, marked, until it reports).
    private static func remeasureFusion(_ fusion: inout FusionState, _ context: ScreenContext) -> ScreenUpdate {
        guard let data = fusion.data else { return .nothing }
        let inputs = data.inputs, weights = fusion.weights
        if fusion.accepted?.weights != weights { fusion.accepted = nil }
        guard inputs.clipCount > inlineClipLimit || data.measureTime > inlineTime else {
            return reduce(&fusion, FusionEffects.measure(inputs, weights), context)
        }
        fusion.measuring = true
        let delay = measureDelay
        return ScreenUpdate(effects: [.run(.fusionMetrics) { send in
            // Superseded during the wait (another key of a burst): measure nothing.
            guard (try? await Task.sleep(for: delay)) != nil else { return }
            send(.fusion(FusionEffects.measure(inputs, weights)))
        }])
    }

    /// Asks for the edited weights' leave-one-out changes (the old ones stay until they arrive)
    /// and, unless cached, their "α/β from other folds" interval: both follow each new report.
    private static func leaveOneOut(_ fusion: inout FusionState, _ context: ScreenContext) -> ScreenUpdate {
        guard let inputs = fusion.data?.inputs, let score = fusion.edited?.pooled.score else { return .nothing }
        return ScreenUpdate(effects: [FusionEffects.leaveOneOut(inputs, fusion.weights, score: score, delay: measureDelay)
            .map(WorkbenchAction.fusion)] + foldIntervals(&fusion, inputs))
    }

    /// The edited report's interval, asked for off the UI thread when it is not cached.
    private static func foldIntervals(_ fusion: inout FusionState, _ inputs: FusionInputs) -> [Effect<WorkbenchAction>] {
        guard let key = fusion.editedFoldKey, let edited = fusion.edited, fusion.foldIntervals.want(key) else { return [] }
        return [FusionEffects.foldIntervals(inputs, edited, key: key)]
    }

    // MARK: Chooser and name prompt

    private static func fusionModalKey(_ fusion: inout FusionState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        if var input = fusion.naming {
            switch chord.key {
            case .escape:
                fusion.naming = nil
            case .enter:
                return saveFusion(&fusion, name: input.text.trimmingCharacters(in: .whitespaces), context)
            default:
                _ = input.handle(chord)
                fusion.naming = input
            }
            return .nothing
        }
        guard let row = fusion.chooser else { return .nothing }
        let methods = methods
        switch chord.key {
        case .escape: fusion.chooser = nil
        case .down, .character("j"): fusion.chooser = min(row + 1, methods.count - 1)
        case .up, .character("k"): fusion.chooser = max(row - 1, 0)
        case .enter: return startFusionJob(&fusion, methods[row], context)
        case .character(let c):
            if let method = methods.first(where: { $0.rawValue.first == c }) { return startFusionJob(&fusion, method, context) }
        default: break
        }
        return .nothing
    }

    private static func startFusionJob(_ fusion: inout FusionState, _ method: FusionMethod, _ context: ScreenContext) -> ScreenUpdate {
        fusion.chooser = nil
        guard let data = fusion.data, fusion.job == nil else { return .nothing }
        let active = fusion.active.indices.filter { fusion.active[$0] }
        fusion.job = RunningFusionJob(method: method)
        fusion.proposal = nil
        fusion.lastFailure = nil
        return ScreenUpdate(effects: [FusionEffects.optimise(path: context.path, inputs: data.inputs, active: active,
                                                             method: method, background: context.background)
            .map(WorkbenchAction.fusion)])
    }

    /// Clears the running job and tells the Jobs screen this process no longer runs it.
    private static func endFusionJob(_ fusion: inout FusionState, _ context: ScreenContext) -> ScreenUpdate {
        let id = fusion.job?.context?.jobID
        fusion.job = nil
        return id.map { .ask(.jobs(.ownJobEnded($0))) } ?? .nothing
    }

    private static func saveFusion(_ fusion: inout FusionState, name: String, _ context: ScreenContext) -> ScreenUpdate {
        guard let data = fusion.data, let edit = fusion.edited else { return .nothing }
        guard !name.isEmpty else { return .toast("a fusion needs a name", .warning) }
        if data.fusionNames.contains(name), name != data.startFusion?.spec.name {
            return .toast("a fusion named \(name) already exists: pick another name", .warning)
        }
        fusion.naming = nil
        fusion.saving = true
        return ScreenUpdate(effects: [FusionEffects.save(path: context.path, name: name, data: data, weights: fusion.weights,
                                                         edit: edit, accepted: fusion.accepted, from: context.access)
            .map(WorkbenchAction.fusion)])
    }

    /// `tui-<method>`, made unique among the saved names: a save never replaces a fusion
    /// unless its name is typed (only the one the screen started from can be replaced).
    private static func defaultFusionName(_ fusion: FusionState, _ data: FusionData) -> String {
        let base = "tui-" + (fusion.accepted?.report.settings.method.rawValue ?? "manual")
        var name = base, n = 2
        while data.fusionNames.contains(name) {
            name = "\(base)-\(n)"
            n += 1
        }
        return name
    }
}
