import BlendCore
import BlendStore
import Foundation

/// The workbench on a real project: the project loads off the UI thread (the first frame
/// shows at once and fills in as results arrive), α/β steps recompute the metrics on the UI
/// thread from the sweep index (O(clips), well under a frame), and the grid sweeps and
/// per-actor analysis run as keyed effects so a newer request supersedes an older one.
public struct WorkbenchProgram: Program, Sendable {
    public let reducer: AppReducer
    /// The store the Jobs screen polls and the jobs this process runs (cancelled on quit).
    public let jobsBackground = JobsBackground()

    public init(registry: CommandRegistry<AppState> = WorkbenchCommands.registry()) {
        reducer = AppReducer(registry: registry)
    }

    public var minimumSize: (width: Int, height: Int) { AppView.minimumSize }

    public func shouldQuit(_ state: WorkbenchState) -> Bool { state.app.quitting }

    /// A fresh state for `path` at the given terminal size, on the first screen.
    public static func initialState(path: String, width: Int, height: Int) -> WorkbenchState {
        var app = AppState(terminalWidth: width, terminalHeight: height)
        app.screens = WorkbenchCommands.screens
        app.screen = WorkbenchCommands.screens[0]
        return WorkbenchState(path: path, app: app)
    }

    // MARK: Update

    public func update(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [Effect<WorkbenchAction>] {
        let effects = updateScreens(&state, action)
        return effects + followClipVideo(&state)
    }

    private func updateScreens(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .app(let appAction):
            let result = reducer.reduce(&state.app, appAction)
            var effects = result.effects.map { $0.map(WorkbenchAction.app) }
            if let id = result.unhandled { effects += run(&state, id) }
            effects += jobsAfterApp(&state)
            rescoreActorsIfShown(&state)
            refreshConfusionIfShown(&state)
            effects += loadFusionIfShown(&state)
            return effects + refreshDurationsIfShown(&state) + clipsFollowUp(&state)
        case .load:
            let path = state.path
            return [.task(key: "load") {
                do {
                    return .loaded(try ProjectSnapshot.load(path: path))
                } catch {
                    // The store's errors name the project already; others get its path.
                    let message = "\(error)"
                    return .loadFailed(message.contains(path) ? message : "\(path): \(message)")
                }
            }] + scheduleJobsPoll(&state, after: .zero)
        case .loaded(let project):
            state.project = project
            state.loadError = project.source == nil ? "\(project.name) has no probabilities yet (import some first)" : nil
            state.thresholds = project.thresholds
            recompute(&state)
            refreshClips(&state)
            guard let scored = project.scored, let index = project.index else { return [] }
            var effects: [Effect<WorkbenchAction>] = [.task(key: "analysis") { .analysed(ThresholdAnalysis(scored, index: index)) }]
            if !project.encoders.isEmpty {
                // An unreadable store only leaves the encoder table empty; the screens still work.
                effects.append(.task(key: "encoders") { (try? EncoderBest.load(project)).map(WorkbenchAction.encodersAnalysed) })
            }
            return effects + analyseActors(state) + refreshDurationsIfShown(&state, reset: true) + loadClipTags(state)
        case .loadFailed(let message):
            state.loadError = message
            return []
        case .typing(let chord):
            return typed(&state, chord)
        case .analysed(let analysis):
            state.analysis = analysis
            return []
        case .setThresholds(let t):
            state.knob = .alpha
            let effects = set(&state, t.alpha)
            state.knob = .beta
            return effects + set(&state, t.beta)
        case .setKnob(let knob, let value):
            state.knob = knob
            return set(&state, (value * 100).rounded() / 100)
        case .clipSearching(let chord):
            return clipSearching(&state, chord) + clipsFollowUp(&state)
        case .selectClip(let row):
            selectClip(&state, row: row)
            return clipsFollowUp(&state)
        case .selectClipActor(let row):
            selectClipActor(&state, row: row)
            return clipsFollowUp(&state)
        case .selectActor(let row):
            state.actorScroll.select(row, rowCount: state.actorRanking.count,
                                     visibleRows: Table.visibleRows(in: ThresholdsLayout(state.app).actorTable))
            return []
        case .encodersAnalysed(let rows):
            state.encoderBests = rows
            return []
        case .actorsAnalysed(let report):
            let previous = state.selectedActor?.actor
            state.actorReport = report
            state.actorRanking = report.actors.indices.sorted { a, b in
                let da = report.actors[a].distance ?? -1, db = report.actors[b].distance ?? -1
                return da != db ? da > db : report.actors[a].actor < report.actors[b].actor
            }
            let keep = previous.flatMap { name in state.actorRanking.firstIndex { report.actors[$0].actor == name } }
            state.actorScroll.selected = keep ?? (state.actorRanking.isEmpty ? nil : 0)
            return []
        case .applied(let thresholds):
            return app(&state, .showToast("stored α \(Format.decimal(thresholds.alpha)) β \(Format.decimal(thresholds.beta)) as current",
                                          .success))
        case .applyFailed(let message):
            return app(&state, .showToast("apply failed: \(message)", .error))
        case .durations(let action): return updateDurations(&state, action)
        case .confusion(let action):
            return updateConfusion(&state, action)
        case .fusion(let fusionAction): return updateFusion(&state, fusionAction)
        case .jobs(let action):
            return updateJobs(&state, action)
        case .clips(let action):
            return updateClips(&state, action)
        case .clipVideo(let videoAction): return updateClipVideo(&state, videoAction)
        }
    }

    private func run(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>] {
        if let effects = runConfusion(&state, id) { return effects }
        if let effects = runFusion(&state, id) { return effects }
        if let effects = runJobs(&state, id) { return effects }
        if let effects = runClips(&state, id) { return effects }
        if let effects = runClipVideo(&state, id) { return effects }
        switch id {
        case WorkbenchCommands.increase: return step(&state, WorkbenchCommands.fineStep)
        case WorkbenchCommands.decrease: return step(&state, -WorkbenchCommands.fineStep)
        case WorkbenchCommands.increaseCoarse: return step(&state, WorkbenchCommands.coarseStep)
        case WorkbenchCommands.decreaseCoarse: return step(&state, -WorkbenchCommands.coarseStep)
        case WorkbenchCommands.selectAlpha: state.knob = .alpha
        case WorkbenchCommands.selectBeta: state.knob = .beta
        case WorkbenchCommands.heatmapMetric: state.heatmapMetric = state.heatmapMetric.next
        case WorkbenchCommands.type:
            state.typing = TextInput(Format.decimal(state.knob == .alpha ? state.thresholds.alpha : state.thresholds.beta))
        case WorkbenchCommands.apply:
            let path = state.path, thresholds = state.thresholds
            return [.task(key: "apply") {
                do {
                    let store = try ProjectStore(path: path, create: false)
                    _ = try store.updateSettings(alpha: thresholds.alpha, beta: thresholds.beta)
                    return .applied(thresholds)
                } catch {
                    return .applyFailed("\(error)")
                }
            }]
        case WorkbenchCommands.actorDown, WorkbenchCommands.actorUp:
            let rows = ThresholdsLayout(state.app).actorTable
            state.actorScroll.move(by: id == WorkbenchCommands.actorDown ? 1 : -1, rowCount: state.actorRanking.count,
                                   visibleRows: Table.visibleRows(in: rows))
        default:
            break
        }
        return []
    }

    /// Moves the selected knob by `delta`, on the hundredths grid, within 0…1.
    private func step(_ state: inout WorkbenchState, _ delta: Double) -> [Effect<WorkbenchAction>] {
        let current = state.knob == .alpha ? state.thresholds.alpha : state.thresholds.beta
        return set(&state, ((current + delta) * 100).rounded() / 100)
    }

    private func set(_ state: inout WorkbenchState, _ value: Double) -> [Effect<WorkbenchAction>] {
        let clamped = min(1, max(0, value))
        switch state.knob {
        case .alpha:
            guard clamped != state.thresholds.alpha else { return [] }
            state.thresholds.alpha = clamped
            recompute(&state)
            // Actors' best β depend on α only.
            return analyseActors(state) + clipRowsAfterThresholds(&state)
        case .beta:
            state.thresholds.beta = clamped
            recompute(&state)
            return clipRowsAfterThresholds(&state)
        }
    }

    private func recompute(_ state: inout WorkbenchState) {
        state.metrics = state.project?.index?.metrics(at: state.thresholds)
        rescoreActorsIfShown(&state)
        refreshConfusionIfShown(&state)
    }

    private func analyseActors(_ state: WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let index = state.project?.index else { return [] }
        let alpha = state.thresholds.alpha
        return [.task(key: "actors") { .actorsAnalysed(index.actorBetas(alpha: alpha)) }]
    }

    /// Edits the typed value; Enter sets it, Esc drops it, anything unreadable says so.
    private func typed(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard var input = state.typing else { return [] }
        switch chord.key {
        case .escape:
            state.typing = nil
        case .enter:
            state.typing = nil
            guard let value = Double(input.text.trimmingCharacters(in: .whitespaces)), (0...1).contains(value) else {
                return app(&state, .showToast("\"\(input.text)\" is not a threshold between 0 and 1", .warning))
            }
            return set(&state, value)
        default:
            _ = input.handle(chord)
            state.typing = input
        }
        return []
    }

    private func app(_ state: inout WorkbenchState, _ action: AppAction) -> [Effect<WorkbenchAction>] {
        update(&state, .app(action))
    }

    // MARK: Input

    public func actions(for event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction] {
        if state.typing != nil, state.app.overlay == nil, case .key(let chord) = event {
            return [.typing(chord)]
        }
        if state.clipSearch != nil, state.app.overlay == nil, case .key(let chord) = event {
            return [.clipSearching(chord)]
        }
        if let action = confusionInput(event, region: region, state: state) { return [action] }
        if let action = fusionInput(event, region: region, state: state) { return [action] }
        if state.jobs.capturesKeys, state.app.screen == .jobs, state.app.overlay == nil, case .key(let chord) = event { return [.jobs(.key(chord))] }
        if state.app.overlay == nil, state.app.screen == .jobs, case .mouse(let mouse) = event, let action = jobsMouse(mouse, region: region, state: state) { return [action] }
        // The note/tag editor is modal: keys edit, and the mouse cannot move the selection under it.
        if state.clipNotes.editor != nil, state.app.overlay == nil, state.app.screen == .clips {
            if case .key(let chord) = event { return [.clips(.editing(chord))] }
            if case .mouse = event { return [] }
        }
        if state.app.overlay == nil, state.app.screen == .clips, case .mouse(let mouse) = event,
           let action = clipVideoMouse(mouse, region: region, state: state) ?? clipsMouse(mouse, region: region, state: state) {
            return [action]
        }
        if state.app.overlay == nil, state.app.screen == .thresholds, case .mouse(let mouse) = event,
           let action = thresholdsMouse(mouse, region: region, state: state) {
            return [action]
        }
        return [.app(.input(event, region: region))]
    }

    /// Clicks on the sliders, heatmap cells and actor rows; the wheel over the actor table.
    private func thresholdsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = ThresholdsLayout(state.app)
        switch mouse.action {
        case .wheelDown where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .app(.run(WorkbenchCommands.actorDown))
        case .wheelUp where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .app(.run(WorkbenchCommands.actorUp))
        case .press(.left):
            let sliderArea = Block().inner(layout.sliders).inset(Edges(horizontal: 1, vertical: 0))
            for (knob, row) in [(ThresholdKnob.alpha, sliderArea.row(0)), (.beta, sliderArea.row(1))]
            where row.contains(x: mouse.x, y: mouse.y) {
                let value = knob == .alpha ? state.thresholds.alpha : state.thresholds.beta
                let slider = Slider(label: " α", value: value, range: 0...1)
                return slider.value(atColumn: mouse.x, in: row).map { .setKnob(knob, $0) }
            }
            guard let region else { return nil }
            if region.hasPrefix("heat:"), let grid = state.analysis?.grid {
                let parts = region.dropFirst(5).split(separator: ",").compactMap { Int($0) }
                let rows = ThresholdsScreen.betaRows(count: grid.betas.count, height: ThresholdsScreen.heatmapArea(layout).height)
                guard parts.count == 2, parts[0] < rows.count, parts[1] < grid.alphas.count else { return nil }
                return .setThresholds(Thresholds(alpha: grid.alphas[parts[1]], beta: grid.betas[rows[parts[0]]]))
            }
            if region.hasPrefix("actor:"), let row = Int(region.dropFirst(6)) { return .selectActor(row) }
            return nil
        default:
            return nil
        }
    }

    /// The wheel over the clip table and clicks on its rows.
    private func clipsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = ClipsLayout(state.app), table = layout.table
        switch mouse.action {
        case .wheelDown where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .selectClipActor((state.clipActorScroll.selected ?? 0) + 1)
        case .wheelUp where layout.actors.contains(x: mouse.x, y: mouse.y):
            return .selectClipActor(max(0, (state.clipActorScroll.selected ?? 0) - 1))
        case .wheelDown where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipDown))
        case .wheelUp where table.contains(x: mouse.x, y: mouse.y): return .app(.run(WorkbenchCommands.clipUp))
        case .press(.left):
            guard let region else { return nil }
            if region.hasPrefix("clip:"), let row = Int(region.dropFirst(5)) { return .selectClip(row) }
            if region.hasPrefix("clip-actor:"), let row = Int(region.dropFirst(11)) { return .selectClipActor(row) }
            return nil
        default:
            return nil
        }
    }

    // MARK: View

    public func view(_ state: WorkbenchState, into canvas: inout Canvas) {
        let view = AppView(registry: reducer.registry, context: WorkbenchStatus.context(state),
                           status: WorkbenchStatus.spans(state, trailing: JobsStatus.spans(state)), countsJobs: false)
        view.render(state.app, into: &canvas) { canvas, area in
            if let message = state.loadError {
                Block(title: "blendscope").render(into: &canvas, area: area)
                // A store's refusal names the file, table, row and column: all of it is shown.
                let inner = area.inset(by: 2)
                for (i, line) in WordWrap.lines(message, width: inner.width).prefix(max(0, inner.height)).enumerated() {
                    canvas.draw(line, in: inner.row(i), alignment: .center, style: Style(fg: .error, .bold))
                }
                return
            }
            guard state.project != nil else {
                Block(title: "blendscope").render(into: &canvas, area: area)
                canvas.draw("reading \(state.path)…", in: area.inset(by: 2).row(0), alignment: .center, style: Style(fg: .muted))
                return
            }
            switch state.app.screen {
            case .thresholds: ThresholdsScreen(state: state).render(into: &canvas, area: area)
            case .clips: ClipsScreen(state: state).render(into: &canvas, area: area)
            case .confusion: ConfusionScreen(state: state).render(into: &canvas, area: area)
            case .fusion: FusionScreen(state: state).render(into: &canvas, area: area)
            case .jobs: JobsScreen(state: state).render(into: &canvas, area: area)
            default: OverviewScreen(state: state).render(into: &canvas, area: area)
            }
        }
    }
}
