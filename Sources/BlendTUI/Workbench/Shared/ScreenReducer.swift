import BlendApp
import BlendCore

/// The shared values a screen's reducer reads besides its own slice (it never writes them):
/// which screen shows and the app's layout (terminal size, focused pane), the project and its
/// path, the workbench's α/β, and the access every effect reaches the project through.
struct ScreenContext {
    let app: AppState
    let path: String
    let project: ProjectSnapshot?
    let thresholds: Thresholds
    /// The session every effect runs its use case on.
    let access: ProjectAccess
    /// The jobs this process runs (for the effects that start or cancel one).
    let background: JobsBackground
    /// The actor the Clips screen filters on, if any (the Confusion screen offers it as a scope).
    let clipsActor: String?
    /// Each encoder at its own best on train, once swept (nil until then).
    let encoderBests: [EncoderBest]?
    /// What the figures of the screen on show are drawn as it shows them: the Confusion
    /// screen's scope and counts or rates, the Thresholds heatmap's metric.
    let confusionScope: ClipScope
    let confusionRates: Bool
    let heatmapMetric: HeatmapMetric
    /// The Fusion screen's unsaved weights on show (its `figureWeights`), nil when it shows a
    /// saved fusion's own weights or nothing yet.
    let fusionFigure: FusionWeightsData?

    var screen: Screen { app.screen }

    /// Whether the project has a scored source with its sweep index (what the analyses need).
    var isScored: Bool { project?.scored != nil && project?.index != nil }

    init(_ state: WorkbenchState, access: ProjectAccess = ProjectAccess(), background: JobsBackground? = nil) {
        app = state.app
        path = state.path
        project = state.project
        thresholds = state.thresholds
        self.access = access
        self.background = background ?? JobsBackground(project: access)
        clipsActor = state.clips.query.actor
        encoderBests = state.encoderBests
        confusionScope = state.confusion.scope
        confusionRates = state.confusion.rates
        heatmapMetric = state.thresholdsScreen.heatmapMetric
        fusionFigure = state.app.screen == .fusion ? state.fusion.figureWeights : nil
    }
}

/// What a screen's reducer returns besides the changes to its own slice: the effects to run,
/// the actions it asks of the rest of the workbench (a toast, a threshold move, another
/// screen's request), which `WorkbenchProgram.scoped` runs at once, in order, and the events
/// it raises for the other features.
struct ScreenUpdate {
    var effects: [Effect<WorkbenchAction>] = []
    var then: [WorkbenchAction] = []
    var events: [WorkbenchEvent] = []

    static let nothing = ScreenUpdate()

    init(effects: [Effect<WorkbenchAction>] = [], then: [WorkbenchAction] = [], events: [WorkbenchEvent] = []) {
        self.effects = effects
        self.then = then
        self.events = events
    }

    /// Asks the app for a toast.
    static func toast(_ message: String, _ kind: ToastKind) -> ScreenUpdate {
        ScreenUpdate(then: [.app(.showToast(message, kind))])
    }

    /// Asks the workbench for `actions`, in order.
    static func ask(_ actions: WorkbenchAction...) -> ScreenUpdate { ScreenUpdate(then: actions) }

    /// Both, `a`'s parts first.
    static func + (a: ScreenUpdate, b: ScreenUpdate) -> ScreenUpdate {
        ScreenUpdate(effects: a.effects + b.effects, then: a.then + b.then, events: a.events + b.events)
    }

    static func += (a: inout ScreenUpdate, b: ScreenUpdate) { a = a + b }
}

extension WorkbenchProgram {
    /// The context a screen reducer reads, for the state as it is now.
    func context(_ state: WorkbenchState) -> ScreenContext {
        ScreenContext(state, access: project, background: jobsBackground)
    }

    /// The one scoping step: a screen reducer ran over its slice; what it asked of the rest
    /// of the workbench runs now, through `update`, and the events it raised reach the
    /// features through `react`.
    func scoped(_ state: inout WorkbenchState, _ result: ScreenUpdate) -> [Effect<WorkbenchAction>] {
        var effects = result.effects + result.then.flatMap { update(&state, $0) }
        for event in result.events { effects += react(&state, event) }
        return effects
    }
}

extension WorkbenchProgram {
    /// Runs `reduce` over the slice at `slice` with the context of the state as it is now,
    /// then the scoping step.
    func scoped<Slice>(_ state: inout WorkbenchState, _ slice: WritableKeyPath<WorkbenchState, Slice>,
                       _ reduce: (inout Slice, ScreenContext) -> ScreenUpdate) -> [Effect<WorkbenchAction>] {
        let context = context(state)
        let result = reduce(&state[keyPath: slice], context)
        return scoped(&state, result)
    }

    /// Runs a feature's command over its slice; nil when `id` is not the feature's.
    func runScoped<Slice>(_ state: inout WorkbenchState, _ slice: WritableKeyPath<WorkbenchState, Slice>, _ id: CommandID,
                          _ run: (inout Slice, CommandID, ScreenContext) -> ScreenUpdate?) -> [Effect<WorkbenchAction>]? {
        let context = context(state)
        guard let result = run(&state[keyPath: slice], id, context) else { return nil }
        return scoped(&state, result)
    }
}
