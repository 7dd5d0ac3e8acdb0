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
    /// Each fold's and the honest Score's intervals (the Overview's folds pane); nil as `foldTest`.
    public let folds: FoldIntervals?
    public let settings: BootstrapSettings
}

/// The Thresholds screen's intervals and tests (and the Overview's fold intervals), computed off the UI thread and cached per key;
/// while the wanted key's answer runs, the previous one is drawn marked stale.
public struct ThresholdsUncertaintyState: Sendable {
    var wanted: UncertaintyKey?
    var lastShown: UncertaintyKey?
    var results: [UncertaintyKey: ThresholdsUncertainty] = [:]
    var order: [UncertaintyKey] = []
    public internal(set) var failure: String?

    static let cacheLimit = 8

    public init() {}

    public var current: ThresholdsUncertainty? { wanted.flatMap { results[$0] } }

    /// The answer to draw and whether it is for another α or source than asked for.
    public var shown: (result: ThresholdsUncertainty, stale: Bool)? {
        if let current { return (current, false) }
        return lastShown.flatMap { results[$0] }.map { ($0, true) }
    }

    mutating func store(_ result: ThresholdsUncertainty, for key: UncertaintyKey) {
        if results[key] == nil { order.append(key) }
        results[key] = result
        while order.count > Self.cacheLimit, let i = order.firstIndex(where: { $0 != wanted && $0 != lastShown }) {
            results[order.remove(at: i)] = nil
        }
    }
}

public enum ThresholdsUncertaintyAction: Sendable {
    case computed(UncertaintyKey, ThresholdsUncertainty)
    case failed(UncertaintyKey, String)
}
