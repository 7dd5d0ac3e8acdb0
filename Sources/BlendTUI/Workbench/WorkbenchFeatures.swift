import BlendCore

// The one place the screen features are composed: each feature's slice, its actions, its
// commands, its events, its raw input and its view. Everything else a feature has lives in
// its folder (`Workbench/<Screen>/`); adding a screen adds its lines here and its case to
// `Screen` (see docs/ARCHITECTURE.md, "Where to add a screen").

/// Every screen feature's own state, one slice each (read as `state.<slice>`).
public struct ScreenSlices: Sendable {
    /// The Thresholds screen's knob, typed value, heatmap metric and actor table.
    public var thresholdsScreen = ThresholdsState()
    /// The Clips screen's table, search, actors, notes and video.
    public var clips = ClipsState()
    /// The Overview's duration section.
    public var durations = DurationSectionState()
    public var confusion = ConfusionState()
    public var fusion = FusionState()
    public var jobs = JobsState()
    /// The source picker, over whichever screen is on show.
    public var sourcePicker = SourcePickerState()
    /// The Compare screen's two sources and their cached paired comparisons.
    public var compare = CompareState()
    /// The Thresholds screen's actor intervals and heterogeneity tests.
    public var thresholdsUncertainty = ThresholdsUncertaintyState()
    /// The Overview's intervals (encoders, folds, the summary), cached per key.
    public var overview = OverviewState()
    /// The figures `E` writes, on every screen that shows one.
    public var figures = FigureState()

    public init() {}
}

/// What can happen in the workbench: the app's actions, the project's reading and the shared
/// results and α/β, then one case per screen feature.
public enum WorkbenchAction: Sendable {
    case app(AppAction)
    /// Starts reading the project (dispatched once at start).
    case load
    case loaded(ProjectSnapshot)
    case loadFailed(String)
    case analysed(ThresholdAnalysis)
    case encodersAnalysed([EncoderBest])
    /// Moves one threshold (kept within 0…1); every feature hears `thresholdsChanged`.
    case moveThreshold(ThresholdKnob, Double)
    /// Focuses a pane of a screen.
    case focus(Screen, pane: Int)
    case thresholds(ThresholdsAction)
    case durations(DurationAction)
    case confusion(ConfusionAction)
    case fusion(FusionAction)
    case jobs(JobsAction)
    case clips(ClipsAction)
    case clipVideo(ClipVideoAction)
    case sourcePicker(SourcePickerAction)
    /// The thresholds were stored for the shown source (the Thresholds screen's `s`): the
    /// project's stored values and their origin follow.
    case thresholdsStored(Thresholds)
    case compare(CompareAction)
    case thresholdsUncertainty(ThresholdsUncertaintyAction)
    case overview(OverviewAction)
    case figures(FigureAction)
}

extension WorkbenchCommands {
    /// Each screen feature's commands with the function that runs them over its slice, in the
    /// order the help lists them. A command the workbench registers is run by exactly one
    /// feature (`CommandHandlerTests` checks every one).
    static var features: [FeatureCommands] {
        [
            FeatureCommands(commands: thresholds) { $0.runScoped(&$1, \.slices.thresholdsScreen, $2, ThresholdsReducer.run) },
            FeatureCommands(commands: clipTable + ClipsCommands.all) { $0.runScoped(&$1, \.slices.clips, $2, ClipsReducer.run) },
            FeatureCommands(commands: ClipVideoCommands.all) { $0.runScoped(&$1, \.slices.clips, $2, ClipsReducer.runVideo) },
            FeatureCommands(commands: FusionCommands.all) { $0.runScoped(&$1, \.slices.fusion, $2, FusionReducer.run) },
            FeatureCommands(commands: ConfusionCommands.all) { $0.runScoped(&$1, \.slices.confusion, $2, ConfusionReducer.run) },
            FeatureCommands(commands: JobsCommands.all) { $0.runScoped(&$1, \.slices.jobs, $2, JobsReducer.run) },
            FeatureCommands(commands: SourcePickerCommands.all) {
                $0.runScoped(&$1, \.slices.sourcePicker, $2, SourcePickerReducer.run)
            },
            FeatureCommands(commands: CompareCommands.all) { $0.runScoped(&$1, \.slices.compare, $2, CompareReducer.run) },
            FeatureCommands(commands: FigureCommands.all) { $0.runScoped(&$1, \.slices.figures, $2, FigureReducer.run) },
        ]
    }
}

extension WorkbenchProgram {
    /// A screen feature's action, reduced over its slice; nil for the workbench's own actions.
    func reduceFeature(_ state: inout WorkbenchState, _ action: WorkbenchAction) -> [Effect<WorkbenchAction>]? {
        switch action {
        case .thresholds(let a): scoped(&state, \.slices.thresholdsScreen) { ThresholdsReducer.reduce(&$0, a, $1) }
        case .durations(let a): scoped(&state, \.slices.durations) { s, _ in DurationSectionReducer.reduce(&s, a) }
        case .confusion(let a): scoped(&state, \.slices.confusion) { ConfusionReducer.reduce(&$0, a, $1) }
        case .fusion(let a): scoped(&state, \.slices.fusion) { FusionReducer.reduce(&$0, a, $1) }
        case .jobs(let a): scoped(&state, \.slices.jobs) { JobsReducer.reduce(&$0, a, $1) }
        case .clips(let a): scoped(&state, \.slices.clips) { ClipsReducer.reduce(&$0, a, $1) }
        case .clipVideo(let a): scoped(&state, \.slices.clips) { ClipsReducer.reduceVideo(&$0, a, $1) }
        case .sourcePicker(let a): scoped(&state, \.slices.sourcePicker) { SourcePickerReducer.reduce(&$0, a, $1) }
        case .compare(let a): scoped(&state, \.slices.compare) { CompareReducer.reduce(&$0, a, $1) }
        case .thresholdsUncertainty(let a):
            scoped(&state, \.slices.thresholdsUncertainty) { ThresholdsUncertaintyReducer.reduce(&$0, a, $1) }
        case .overview(let a): scoped(&state, \.slices.overview) { OverviewReducer.reduce(&$0, a, $1) }
        case .figures(let a): scoped(&state, \.slices.figures) { FigureReducer.reduce(&$0, a, $1) }
        // The workbench's own actions (`WorkbenchProgram.update`).
        case .app, .load, .loaded, .loadFailed, .analysed, .encodersAnalysed, .moveThreshold, .focus, .thresholdsStored: nil
        }
    }

    /// Each feature's answer to `event`, in a fixed order (the Jobs screen's poll first).
    func reactFeatures(_ state: inout WorkbenchState, _ event: WorkbenchEvent) -> [Effect<WorkbenchAction>] {
        scoped(&state, \.slices.jobs) { JobsReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.thresholdsScreen) { ThresholdsReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.durations) { DurationSectionReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.clips) { ClipsReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.confusion) { ConfusionReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.fusion) { FusionReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.compare) { CompareReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.thresholdsUncertainty) { ThresholdsUncertaintyReducer.react(&$0, event, $1) }
            + scoped(&state, \.slices.overview) { OverviewReducer.react(&$0, event, $1) }
    }

    /// The raw input a feature takes before the command keys (a typed value, a search, an
    /// editor, a chooser, clicks); nil leaves the event to the app's key map.
    func featureInput(_ event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction]? {
        SourcePickerReducer.input(event, region: region, state: state).map { [$0] }
            ?? FigureReducer.input(event, region: region, state: state).map { [$0] }
            ?? ThresholdsReducer.input(event, region: region, state: state)
            ?? ClipsReducer.input(event, region: region, state: state)
            ?? ConfusionReducer.input(event, region: region, state: state).map { [$0] }
            ?? FusionReducer.input(event, region: region, state: state).map { [$0] }
            ?? JobsReducer.input(event, region: region, state: state)
            ?? CompareReducer.input(event, region: region, state: state).map { [$0] }
    }

    /// The screen on show's view.
    func renderScreen(_ state: WorkbenchState, into canvas: inout Canvas, area: Rect) {
        switch state.app.screen {
        case .overview: OverviewScreen(state: state).render(into: &canvas, area: area)
        case .thresholds: ThresholdsScreen(state: state).render(into: &canvas, area: area)
        case .clips: ClipsScreen(state: state).render(into: &canvas, area: area)
        case .confusion: ConfusionScreen(state: state).render(into: &canvas, area: area)
        case .fusion: FusionScreen(state: state).render(into: &canvas, area: area)
        case .jobs: JobsScreen(state: state).render(into: &canvas, area: area)
        case .compare: CompareScreen(state: state).render(into: &canvas, area: area)
        }
        if state.figures.choice != nil { FigureChooserView(state: state).render(into: &canvas, area: area) }
        if state.sourcePicker.isOpen { SourcePickerView(state: state).render(into: &canvas, area: area) }
    }
}
