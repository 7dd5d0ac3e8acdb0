/// The keys of the workbench's effects, in one place. A newer effect with a key supersedes
/// (cancels) the running one with the same key, so two features must never share a key by
/// accident; the spellings are what the runtime and the tests see.
public enum EffectKey: Hashable, Sendable {
    case load, analysis, encoders, actors, apply, durations
    case clipRows, labelReview, clipNotes, clipTags, clipVideo, clipThumbnails
    case confusionExport
    case fusionLoad, fusionMetrics, fusionLeaveOneOut, fusionOptimise, fusionSave
    case jobsPoll
    /// The source picker's list and its choice.
    case sourceChoices, sourceUse
    case jobCancel(Int64)
    /// The n-th training this process started.
    case jobTrain(Int)
    /// The n-th figure `E` (or the palette) asked for: figures never supersede each other.
    case figure(Int)
    /// A screen's own kind of work, named within the screen (`screen.compare.load`): a new screen's
    /// keys need no case here, and can never collide with another screen's.
    case screen(Screen, String)

    public var rawValue: String {
        switch self {
        case .load: "load"
        case .analysis: "analysis"
        case .encoders: "encoders"
        case .actors: "actors"
        case .apply: "apply"
        case .durations: "durations"
        case .clipRows: "clip-rows"
        case .labelReview: "label-review"
        case .clipNotes: "clip-notes"
        case .clipTags: "clip-tags"
        case .clipVideo: "clip-video"
        case .clipThumbnails: "clip-video-thumbnails"
        case .confusionExport: "confusion-export"
        case .fusionLoad: "fusion-load"
        case .fusionMetrics: "fusion-metrics"
        case .fusionLeaveOneOut: "fusion-leave-one-out"
        case .fusionOptimise: "fusion-optimise"
        case .fusionSave: "fusion-save"
        case .jobsPoll: "jobs.poll"
        case .sourceChoices: "source.choices"
        case .sourceUse: "source.use"
        case .jobCancel(let id): "jobs.cancel.\(id)"
        case .jobTrain(let n): "jobs.train.\(n)"
        case .figure(let n): "figure.\(n)"
        case .screen(let screen, let name): "screen.\(screen.slug).\(name)"
        }
    }
}

extension Effect {
    /// `task(key:_:)` under a workbench key.
    static func task(_ key: EffectKey, _ body: @escaping @Sendable () async -> Action?) -> Effect {
        .task(key: key.rawValue, body)
    }

    /// `run(key:_:)` under a workbench key.
    static func run(_ key: EffectKey, _ body: @escaping @Sendable (Send<Action>) async -> Void) -> Effect {
        .run(key: key.rawValue, body)
    }

    /// Cancels the effect running under a workbench key.
    static func cancel(_ key: EffectKey) -> Effect { .cancel(key.rawValue) }
}
