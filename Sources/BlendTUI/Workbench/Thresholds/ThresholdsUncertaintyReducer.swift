import BlendApp
import BlendCore

/// The Thresholds screen's intervals and heterogeneity tests: the `actors` and `folds` use
/// cases with `test`, run as an effect whenever the screen shows for a (source, α) not yet computed. A β step changes nothing here, so it never waits for a bootstrap.
enum ThresholdsUncertaintyReducer {
    static func reduce(_ slice: inout ThresholdsUncertaintyState, _ action: ThresholdsUncertaintyAction,
                       _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .computed(let key, let result):
            slice.cache.store(result, for: key)
        case .failed(let key, let why):
            slice.cache.fail(key, why)
        }
        return .nothing
    }

    static func react(_ slice: inout ThresholdsUncertaintyState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        // Only the Thresholds screen reads these (the Overview computes its own intervals): the
        // permutation tests are not run at start-up for a screen that is not on show.
        guard context.screen == .thresholds else { return .nothing }
        switch event {
        case .screenEntered, .sourceChanged, .thresholdsChanged: return ScreenUpdate(effects: request(&slice, context))
        case .jobsChanged, .terminalResized: return .nothing
        }
    }

    static func key(_ context: ScreenContext) -> UncertaintyKey? {
        guard let source = context.project?.source, let scored = context.project?.scored else { return nil }
        return UncertaintyKey(source: source, alpha: context.thresholds.alpha, clips: scored.count)
    }

    /// Asks for the answer at the current key unless it is cached (or already asked for).
    static func request(_ slice: inout ThresholdsUncertaintyState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let key = key(context), slice.cache.want(key) else { return [] }
        let access = context.access, path = context.path
        return [.task(.screen(.thresholds, "uncertainty")) {
            do {
                let session = try access.session(path)
                let settings = BootstrapSettings.standard
                let actors = try session.actors(key.source, alpha: key.alpha, test: true, settings: settings)
                let folds = try? session.folds(key.source, test: true, settings: settings)
                let rows = Dictionary(actors.rows.map { ($0.actor.actor, $0.uncertainty) }, uniquingKeysWith: { a, _ in a })
                return .thresholdsUncertainty(.computed(key, ThresholdsUncertainty(actors: rows, actorTest: actors.test,
                                                                                  foldTest: folds?.test,
                                                                                  settings: settings)))
            } catch {
                return .thresholdsUncertainty(.failed(key, "\(error)"))
            }
        }]
    }
}
