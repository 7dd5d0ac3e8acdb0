import BlendApp
import BlendCore

/// What the Fusion screen works on, read from the store off the UI thread: every fusable
/// encoder's probabilities and the weights the screen starts from.
public struct FusionData: Sendable {
    public let inputs: FusionInputs
    /// The saved fusion the weights start from, when the project's current source is one;
    /// nil means equal weights.
    public let startFusion: SavedFusion?
    /// One per `inputs.encoders`, summing to 1; 0 where the encoder is off.
    public let startWeights: [Double]
    public let startActive: [Bool]
    /// The starting weights' metrics.
    public let current: FixedWeightsReport
    /// Names already taken by saved fusions (a new save picks a free one by default).
    public let fusionNames: [String]
    /// The starting weights' "α/β from other folds" figure's interval (actors resampled),
    /// computed with the load; nil when it could not be.
    public var currentFoldIntervals: MetricIntervals?
    /// `startFusion`'s stored honest Score with its interval, or why it has none (nil when
    /// the screen starts from equal weights).
    public var savedHonest: SavedHonestScore?
    /// How long measuring the starting weights took: the reducer measures edits in line only
    /// when this is well under a frame.
    public let measureTime: Duration

    public init(inputs: FusionInputs, startFusion: SavedFusion?, startWeights: [Double], startActive: [Bool],
                current: FixedWeightsReport, fusionNames: [String], measureTime: Duration = .zero) {
        self.inputs = inputs
        self.startFusion = startFusion
        self.startWeights = startWeights
        self.startActive = startActive
        self.current = current
        self.fusionNames = fusionNames
        self.measureTime = measureTime
        coveredClips = inputs.present.map { flags in flags.count { $0 } }
    }

    /// What the starting weights are, for the pane's title.
    public var startDescription: String { startFusion.map { "fusion \($0.spec.name)" } ?? "equal weights" }

    /// Per encoder, how many of the fused clips it has: the encoder list shows a partial
    /// one's coverage (`99/3,050`), since its weight acts only where it has clips.
    public let coveredClips: [Int]

    /// Whether encoder `m` lacks some of the fused clips.
    public func isPartial(_ m: Int) -> Bool { coveredClips.indices.contains(m) && coveredClips[m] < inputs.clipCount }
}

/// What the Live panel's "α/β from other folds" interval was computed for: the weights (of the
/// report on show) within one load of the inputs (`generation`: a reload may read other
/// predictions under the same weights).
public struct FusionFoldKey: Hashable, Sendable {
    public let generation: Int
    public let weights: [Double]
}

/// A re-optimisation running as a job.
public struct RunningFusionJob: Sendable {
    public let method: FusionMethod
    /// Known once the job is recorded; `cancel()` on it stops the optimiser.
    public var context: JobContext?
    public var fraction = 0.0
    public var message = "starting"
    /// The best Score the optimiser has seen so far.
    public var score: Double?

    public init(method: FusionMethod) {
        self.method = method
    }
}

/// A finished re-optimisation's weights, waiting to be accepted or discarded.
public struct FusionProposal: Sendable {
    public let jobID: Int64
    /// The optimiser's report over the encoders that were on (its honest Score re-optimises
    /// the weights on every fold, so it is the fair figure to compare).
    public let report: FusionReport
    /// The proposed weights over every fusable encoder (0 for those that were off).
    public let weights: [Double]
    /// The proposed weights judged as fixed weights, like the edited ones beside them.
    public let fixed: FixedWeightsReport
    /// The honest Score's interval (`FusionInputs.intervals(of:)`: the actor bootstrap over
    /// the out-of-fold decisions, each fold fused and decoded as chosen on the others), computed
    /// with the job, off the UI thread; nil when it could not be.
    public let intervals: FusionIntervals?

    public init(jobID: Int64, report: FusionReport, weights: [Double], fixed: FixedWeightsReport,
                intervals: FusionIntervals? = nil) {
        self.jobID = jobID
        self.report = report
        self.weights = weights
        self.fixed = fixed
        self.intervals = intervals
    }
}

/// The Fusion screen's state: the loaded inputs, the weights being edited and their live
/// metrics, the method chooser, the running job, its proposal and the save prompt.
public struct FusionState: Sendable {
    public var data: FusionData?
    public var loading = false
    public var loadError: String?
    /// The edited weights, one per encoder, summing to 1 over the active ones.
    public var weights: [Double] = []
    /// False for an encoder switched off (held at weight 0, left out of re-optimisation).
    public var active: [Bool] = []
    public var selected = 0
    /// The edited weights' metrics (nil when they cannot be measured).
    public var edited: FixedWeightsReport?
    /// True while `edited` belongs to earlier weights and the current ones are being measured
    /// off the UI thread.
    public var measuring = false
    public var editedError: String?
    /// Per encoder: how the edited weights' Score changes without it (its weight handed to
    /// the others in proportion); nil for encoders that are off. Computed off the UI thread
    /// for `leaveOneOutWeights`.
    public var leaveOneOut: [Double?]?
    public var leaveOneOutWeights: [Double]?
    /// The method chooser's highlighted row, while it is open.
    public var chooser: Int?
    public var job: RunningFusionJob?
    /// Why the last re-optimisation failed (a refused simplex grid says how to make it fit).
    public var lastFailure: String?
    public var proposal: FusionProposal?
    /// The proposal last accepted, while the weights are still exactly its own (a save then
    /// keeps the optimiser's method and honest Score).
    public var accepted: FusionProposal?
    /// The fusion name being typed, while the save prompt is open.
    public var naming: TextInput?
    public var saving = false
    /// Which load of the inputs the screen shows (part of every interval's key).
    public var generation = 0
    /// The edited weights' "α/β from other folds" intervals, by weights, computed off the UI
    /// thread after each measurement; the view shows one only for the report on show.
    var foldIntervals = ResultCache<FusionFoldKey, MetricIntervals>(limit: 16)

    public init() {}

    /// The key of the edited report on show, nil while none is (or it is being re-measured).
    var editedFoldKey: FusionFoldKey? {
        guard let edited, !measuring else { return nil }
        return FusionFoldKey(generation: generation, weights: edited.weights)
    }

    /// The edited report's "α/β from other folds" interval, only when it was computed for it.
    public var editedFoldIntervals: MetricIntervals? { editedFoldKey.flatMap { foldIntervals[$0] } }

    /// The waiting proposal's key: its weights judged as fixed weights, as the edit's are.
    var proposalFoldKey: FusionFoldKey? { proposal.map { FusionFoldKey(generation: generation, weights: $0.fixed.weights) } }

    /// The waiting proposal's "α/β from other folds" interval, once computed for it.
    public var proposalFoldIntervals: MetricIntervals? { proposalFoldKey.flatMap { foldIntervals[$0] } }

    /// What `E` draws on this screen when it is not the saved fusion's own weights: a waiting
    /// proposal (with its folds' weights), else the edited weights (an accepted proposal's
    /// with its folds' weights); nil when the weights are exactly the saved fusion's it
    /// started from (that fusion's figure is drawn) or nothing is loaded.
    public var figureWeights: FusionWeightsData? {
        guard let data else { return nil }
        let encoders = data.inputs.encoders
        func proposed(_ p: FusionProposal, _ how: String) -> FusionWeightsData {
            // The report's folds weigh only the encoders that were on; the others weigh 0.
            let folds = p.report.folds.map { fold in
                encoders.map { name in p.report.encoders.firstIndex(of: name).map { fold.weights[$0] } ?? 0 }
            }
            return .unsaved("the \(how) \(p.report.settings.method.rawValue) proposal (job \(p.jobID))", encoders: encoders,
                            weights: p.weights, folds: folds, perFold: p.report.settings.perFold)
        }
        if let proposal { return proposed(proposal, "waiting") }
        if let accepted, accepted.weights == weights { return proposed(accepted, "accepted") }
        if data.startFusion != nil, weights == data.startWeights { return nil }
        return .unsaved("the edit of \(data.startDescription)", encoders: encoders, weights: weights)
    }

    /// Whether the screen is taking keys for the chooser or the name prompt.
    public var isModal: Bool { chooser != nil || naming != nil }
}

/// What can happen on the Fusion screen.
public enum FusionAction: Sendable {
    /// Reads the inputs (sent when the screen is first shown).
    case load
    case loaded(FusionData)
    case loadFailed(String)
    /// Selects an encoder row (a click or the wheel).
    case select(Int)
    /// Sets an encoder's weight (a click on its bar).
    case setWeight(Int, Double)
    /// A key while the chooser or the name prompt is open.
    case modalKey(KeyChord)
    /// Metrics measured for these weights (off the UI thread when measuring is slow).
    case measured([Double], FixedWeightsReport)
    case measureFailed([Double], String)
    /// Leave-one-out Score changes for these weights.
    case leftOut([Double], [Double?])
    case jobStarted(JobContext)
    case jobProgress(fraction: Double, message: String, score: Double?)
    case jobFinished(FusionProposal)
    case jobFailed(String)
    case jobCancelled
    case saved(SavedFusion)
    case saveFailed(String)
    /// The "α/β from other folds" interval of the weights of `key`.
    case foldIntervals(FusionFoldKey, MetricIntervals)
}
