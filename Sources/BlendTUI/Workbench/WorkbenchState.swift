import BlendCore

/// Which threshold the Thresholds screen's arrow keys move.
public enum ThresholdKnob: Hashable, Sendable {
    case alpha, beta
}

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
    /// Per-actor β at the α it was computed for (recomputed off the UI thread when α moves).
    public var actorReport: ActorBetaReport?
    /// Actors ranked by how far their best β lies from the global one (indices into
    /// `actorReport.actors`).
    public var actorRanking: [Int] = []
    public var actorScroll = TableScroll()
    public var knob = ThresholdKnob.beta
    public var heatmapMetric = HeatmapMetric.score
    /// The value being typed for the selected knob, if any.
    public var typing: TextInput?
    /// The Clips table's filters, search and order.
    public var clipQuery = ClipQuery()
    /// The clip indices the Clips table shows, recomputed when the query or α/β change
    /// (never per frame).
    public var clipRows: [Int] = []
    public var clipScroll = TableScroll()
    /// The clip-name search being typed, if any (it filters as it is typed).
    public var clipSearch: TextInput?
    /// Every actor's metrics at `actorScoresThresholds`, grouped by split and fold.
    public var actorScores: [ActorScore] = []
    /// The α/β `actorScores` were computed at; they are recomputed only while the Clips
    /// screen shows them, so β steps elsewhere pay nothing for them.
    public var actorScoresThresholds: Thresholds?
    /// The Clips screen's actor list: row 0 is "all actors", row r is `actorScores[r − 1]`.
    public var clipActorScroll = TableScroll()
    /// The source's label review, computed the first time the table sorts by dispute.
    public var labelReview: LabelReview?
    public var durations = DurationSectionState()
    public var confusion = ConfusionState()
    public var fusion = FusionState()
    public var jobs = JobsState()
    /// The selected clip's notes and tags, their editor, and every clip's tags.
    public var clipNotes = ClipNotesState()
    /// The Clips table's work running off the UI thread.
    public var clipPending = ClipsPending()
    public var video = ClipVideoState()

    public init(path: String, app: AppState) {
        self.path = path
        self.app = app
    }

    /// The actor selected in the per-actor table.
    public var selectedActor: ActorBeta? {
        guard let report = actorReport, let selected = actorScroll.selected, selected < actorRanking.count else { return nil }
        return report.actors[actorRanking[selected]]
    }

    /// The clip selected in the Clips table, as an index into the source's scored clips.
    public var selectedClip: Int? {
        guard let selected = clipScroll.selected, selected < clipRows.count else { return nil }
        return clipRows[selected]
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
