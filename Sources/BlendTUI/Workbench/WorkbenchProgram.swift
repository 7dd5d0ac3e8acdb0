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
            let path = state.path, access = project, context = context(state)
            return [.task(.load) {
                do {
                    return .loaded(try ProjectSnapshot.load(path: path, from: access))
                } catch {
                    // The store's errors name the project already; others get its path.
                    let message = "\(error)"
                    return .loadFailed(message.contains(path) ? message : "\(path): \(message)")
                }
            }] + JobsReducer.schedulePoll(&state.jobs, context, after: .zero)
        case .loaded(let project):
            state.project = project
            state.loadError = project.source == nil ? "\(project.name) has no probabilities yet (import some first)" : nil
            state.thresholds = project.thresholds
            return react(&state, .sourceChanged)
        case .loadFailed(let message):
            state.loadError = message
            return []
        case .analysed(let analysis):
            state.analysis = analysis
            return []
        case .encodersAnalysed(let rows):
            state.encoderBests = rows
            // The Overview's table asks for the intervals of the rows it lacks.
            return scoped(&state, \.slices.overview) { OverviewReducer.encodersArrived(&$0, $1) }
        case .thresholdsStored(let thresholds):
            state.project?.storeThresholds(thresholds)
            return []
        case .moveThreshold(let knob, let value):
            return move(&state, knob, to: value)
        case .focus(let screen, let pane):
            state.app.focus[screen] = pane
            return []
        default:
            // A screen feature's action (`WorkbenchFeatures.swift`).
            return reduceFeature(&state, action) ?? []
        }
    }

    /// Runs a screen's command through the feature that registered it (`WorkbenchCommands.features`).
    private func run(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>] {
        // A command no feature registered (a custom registry's) does nothing.
        guard let feature = commandOwners[id] else { return [] }
        return features[feature].run(self, &state, id) ?? []
    }

    /// Moves one of the workbench's thresholds (within 0…1) and tells the features. A β move
    /// tells them even when it lands where it was, as a held key at the edge always has.
    private func move(_ state: inout WorkbenchState, _ knob: ThresholdKnob, to value: Double) -> [Effect<WorkbenchAction>] {
        let clamped = min(1, max(0, value))
        switch knob {
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
        featureInput(event, region: region, state: state) ?? [.app(.input(event, region: region))]
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
            renderScreen(state, into: &canvas, area: area)
        }
    }
}
