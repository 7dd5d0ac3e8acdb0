import BlendCore

/// The workbench's state: the shared app state, the loaded project and what the screens move.
public struct WorkbenchState: Sendable {
    public var app: AppState
    /// The project file being opened or shown.
    public let path: String
    public var project: ProjectSnapshot?
    /// Why the project could not be read (shown instead of the screens).
    public var loadError: String?
    /// The thresholds the screens evaluate at (stored by "apply").
    public var thresholds = Thresholds(alpha: 0.1, beta: 0.2)
    /// The source's metrics at `thresholds`, recomputed on every step.
    public var metrics: Metrics?
    public var analysis: ThresholdAnalysis?
    /// Each encoder at its own best thresholds (nil until swept).
    public var encoderBests: [EncoderBest]?
    /// The Thresholds screen's knob, typed value, heatmap metric and actor table.
    public var thresholdsScreen = ThresholdsState()
    /// The Clips screen's table, search, actors, notes and video.
    public var clips = ClipsState()
    public var durations = DurationSectionState()
    public var confusion = ConfusionState()
    public var fusion = FusionState()
    public var jobs = JobsState()

    public init(path: String, app: AppState) {
        self.path = path
        self.app = app
    }
}

/// What can happen in the workbench.
public enum WorkbenchAction: Sendable {
    case app(AppAction)
    /// Starts reading the project (dispatched once at start).
    case load
    case loaded(ProjectSnapshot)
    case loadFailed(String)
    /// A key while a threshold value is being typed.
    case typing(KeyChord)
    case analysed(ThresholdAnalysis)
    case actorsAnalysed(ActorBetaReport)
    case encodersAnalysed([EncoderBest])
    /// Sets both thresholds at once (a heatmap click).
    case setThresholds(Thresholds)
    /// Sets the selected knob's value (a slider click).
    case setKnob(ThresholdKnob, Double)
    /// Selects a row of the actor table (a click).
    case selectActor(Int)
    /// A key while the clip search is being typed.
    case clipSearching(KeyChord)
    /// Selects a row of the clip table (a click).
    case selectClip(Int)
    /// Selects a row of the Clips screen's actor list (a click): 0 is every actor.
    case selectClipActor(Int)
    /// The thresholds were stored as the project's current ones.
    case applied(Thresholds)
    case applyFailed(String)
    case durations(DurationAction)
    case confusion(ConfusionAction)
    case fusion(FusionAction)
    case jobs(JobsAction)
    case clips(ClipsAction)
    case clipVideo(ClipVideoAction)
}
