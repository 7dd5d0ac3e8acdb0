import BlendApp
import BlendCore
import Foundation

/// The workbench on a real project: the project loads off the UI thread (the first frame
/// shows at once and fills in as results arrive), α/β steps recompute the metrics on the UI
/// thread from the sweep index (O(clips), well under a frame), and the grid sweeps and
/// per-actor analysis run as keyed effects so a newer request supersedes an older one.
public struct WorkbenchProgram: Program, Sendable {
    public let reducer: AppReducer
    /// The session every effect runs its use case on (the workbench's one seam to the project).
    public let project: ProjectAccess
    /// The jobs this process runs (cancelled on quit), with the same access for the polls.
    public let jobsBackground: JobsBackground

    /// The screens' commands with the functions that run them, and which feature owns each id.
    let features = WorkbenchCommands.features
    let commandOwners: [CommandID: Int]

    public init(registry: CommandRegistry<AppState> = WorkbenchCommands.registry(), project: ProjectAccess = ProjectAccess()) {
        reducer = AppReducer(registry: registry)
        self.project = project
        jobsBackground = JobsBackground(project: project)
        var owners: [CommandID: Int] = [:]
        for (i, feature) in features.enumerated() { for command in feature.commands { owners[command.id] = i } }
        commandOwners = owners
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
        switch action {
        case .app(let appAction):
            let before = state.app.screen
            let size = (state.app.terminalWidth, state.app.terminalHeight)
            let result = reducer.reduce(&state.app, appAction)
            var effects = result.effects.map { $0.map(WorkbenchAction.app) }
            if let id = result.unhandled { effects += run(&state, id) }
            if state.app.screen != before { effects += react(&state, .screenEntered(state.app.screen)) }
            if size != (state.app.terminalWidth, state.app.terminalHeight) { effects += react(&state, .terminalResized) }
            return effects
        case .load:
            let path = state.path, access = project
            return [.task(.load) {
                do {
                    return .loaded(try ProjectSnapshot.load(path: path, from: access))
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
            return react(&state, .sourceChanged)
        case .loadFailed(let message):
            state.loadError = message
            return []
        case .typing(let chord):
            return typed(&state, chord)
        case .analysed(let analysis):
            state.analysis = analysis
            return []
        case .setThresholds(let t):
            state.thresholdsScreen.knob = .alpha
            let effects = set(&state, t.alpha)
            state.thresholdsScreen.knob = .beta
            return effects + set(&state, t.beta)
        case .setKnob(let knob, let value):
            state.thresholdsScreen.knob = knob
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
            state.thresholdsScreen.actorScroll.select(row, rowCount: state.thresholdsScreen.actorRanking.count,
                                     visibleRows: Table.visibleRows(in: ThresholdsLayout(state.app).actorTable))
            return []
        case .encodersAnalysed(let rows):
            state.encoderBests = rows
            return []
        case .actorsAnalysed(let report):
            let previous = state.thresholdsScreen.selectedActor?.actor
            state.thresholdsScreen.actorReport = report
            state.thresholdsScreen.actorRanking = report.actors.indices.sorted { a, b in
                let da = report.actors[a].distance ?? -1, db = report.actors[b].distance ?? -1
                return da != db ? da > db : report.actors[a].actor < report.actors[b].actor
            }
            let keep = previous.flatMap { name in state.thresholdsScreen.actorRanking.firstIndex { report.actors[$0].actor == name } }
            state.thresholdsScreen.actorScroll.selected = keep ?? (state.thresholdsScreen.actorRanking.isEmpty ? nil : 0)
            return []
        case .applied(let thresholds):
            return app(&state, .showToast("stored α \(Format.decimal(thresholds.alpha)) β \(Format.decimal(thresholds.beta)) as current",
                                          .success))
        case .applyFailed(let message):
            return app(&state, .showToast("apply failed: \(message)", .error))
        case .durations(let action): return scoped(&state, DurationSectionReducer.reduce(&state.durations, action))
        case .confusion(.openCell): return openConfusionCell(&state)
        case .confusion(let action):
            return scoped(&state, ConfusionReducer.reduce(&state.confusion, action, ScreenContext(state)))
        case .fusion(let fusionAction): return updateFusion(&state, fusionAction)
        case .jobs(let action):
            return updateJobs(&state, action)
        case .clips(let action):
            return updateClips(&state, action)
        case .clipVideo(let videoAction): return updateClipVideo(&state, videoAction)
        }
    }

    /// Runs a screen's command through the feature that registered it (`WorkbenchCommands.features`).
    private func run(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>] {
        // A command no feature registered (a custom registry's) does nothing.
        guard let feature = commandOwners[id] else { return [] }
        return features[feature].run(self, &state, id) ?? []
    }

    func set(_ state: inout WorkbenchState, _ value: Double) -> [Effect<WorkbenchAction>] {
        let clamped = min(1, max(0, value))
        switch state.thresholdsScreen.knob {
        case .alpha:
            guard clamped != state.thresholds.alpha else { return [] }
            state.thresholds.alpha = clamped
            return react(&state, .thresholdsChanged(alphaMoved: true))
        case .beta:
            state.thresholds.beta = clamped
            return react(&state, .thresholdsChanged(alphaMoved: false))
        }
    }

    func app(_ state: inout WorkbenchState, _ action: AppAction) -> [Effect<WorkbenchAction>] {
        update(&state, .app(action))
    }

    // MARK: Input

    public func actions(for event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction] {
        if state.thresholdsScreen.typing != nil, state.app.overlay == nil, case .key(let chord) = event {
            return [.typing(chord)]
        }
        if state.clips.search != nil, state.app.overlay == nil, case .key(let chord) = event {
            return [.clipSearching(chord)]
        }
        if let action = confusionInput(event, region: region, state: state) { return [action] }
        if let action = fusionInput(event, region: region, state: state) { return [action] }
        if state.jobs.capturesKeys, state.app.screen == .jobs, state.app.overlay == nil, case .key(let chord) = event { return [.jobs(.key(chord))] }
        if state.app.overlay == nil, state.app.screen == .jobs, case .mouse(let mouse) = event, let action = jobsMouse(mouse, region: region, state: state) { return [action] }
        // The note/tag editor is modal: keys edit, and the mouse cannot move the selection under it.
        if state.clips.notes.editor != nil, state.app.overlay == nil, state.app.screen == .clips {
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
