import BlendApp
import BlendCore

/// What the Thresholds screen's intervals and tests were computed for: the source (named by its
/// clip count too, in case a project reloads) and the α the actors' β* are taken at.
public struct UncertaintyKey: Hashable, Sendable {
    public let source: SourceRef
    public let alpha: Double
    public let clips: Int
}

/// The `actors --test` and `folds --test` use cases' answers at one key: each actor's β* and
/// ACC_S intervals from resampling its own clips, and the two heterogeneity tests.
public struct ThresholdsUncertainty: Sendable {
    public let actors: [String: ActorUncertainty]
    public let actorTest: ActorHeterogeneityTest?
    /// Nil with predictions in fewer than two training folds.
    public let foldTest: FoldHeterogeneityTest?
    public let settings: BootstrapSettings
}

/// The Thresholds screen's intervals and tests, computed off the UI thread and cached per key;
/// while the wanted key's answer runs, the previous one is drawn marked stale.
public struct ThresholdsUncertaintyState: Sendable {
    var cache = ResultCache<UncertaintyKey, ThresholdsUncertainty>(limit: 8)

    public init() {}

    var wanted: UncertaintyKey? { cache.wanted }
    public var failure: String? { cache.failure }
    public var current: ThresholdsUncertainty? { cache.current }

    /// The answer to draw and whether it is for another α or source than asked for.
    public var shown: (result: ThresholdsUncertainty, stale: Bool)? { cache.shown.map { ($0.value, $0.stale) } }
}

public enum ThresholdsUncertaintyAction: Sendable {
    case computed(UncertaintyKey, ThresholdsUncertainty)
    case failed(UncertaintyKey, String)
}
