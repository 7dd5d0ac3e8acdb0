import BlendCore
import BlendStore
@testable import BlendTUI

extension WorkbenchFixture {
    /// The Compare screen's two made-up sources: the fixture's own encoder and "other".
    static let compareSources: [SourceRef] = [.encoder("synthetic"), .encoder("other")]
    /// "other" is the synthetic source decoded at these thresholds (its own, as a stored pair).
    static let otherThresholds = Thresholds(alpha: 0.3, beta: 0.1)

    /// What the screen asks for with A the workbench's source at `alpha/beta`.
    static func compareKey(_ thresholds: Thresholds, scope: ClipScope = .all) -> CompareKey {
        CompareKey(a: .encoder("synthetic"), b: .encoder("other"), thresholdsA: thresholds, thresholdsB: nil, scope: scope)
    }

    /// The paired comparison the effect would return for `compareKey(thresholds)` (few draws:
    /// the screen only shows them).
    static func compareResult(_ thresholds: Thresholds) -> CompareResult {
        let index = project.index!
        let c = PairedComparison(index, at: thresholds, index, at: otherThresholds,
                                 settings: BootstrapSettings(replicates: 200))
        return CompareResult(comparison: c, thresholdsA: thresholds, thresholdsB: otherThresholds)
    }

    /// Delivers the sources and the comparison at the state's thresholds, as the effects would.
    static func loadCompare(_ state: inout WorkbenchState) {
        send(&state, .compare(.sourcesLoaded(compareSources)),
             .compare(.compared(compareKey(state.thresholds), compareResult(state.thresholds))))
    }
}

extension WorkbenchFixture {
    /// The key the Thresholds screen's intervals and tests are asked for at `alpha`.
    static func uncertaintyKey(alpha: Double) -> UncertaintyKey {
        UncertaintyKey(source: .encoder("synthetic"), alpha: alpha, clips: scored.count)
    }

    /// What the `actors --test` and `folds --test` use cases give on the fixture's clips at
    /// `alpha` (few draws: the screens only show them).
    static func uncertainty(alpha: Double) -> ThresholdsUncertainty {
        let index = project.index!, settings = BootstrapSettings(replicates: 200)
        let report = index.actorBetas(alpha: alpha)
        var rows = [String: ActorUncertainty]()
        for a in report.actors {
            rows[a.actor] = index.actorUncertainty(actor: a.actor, members: a.clips, alpha: alpha, betas: report.betas,
                                                   bestBeta: a.bestBeta, globalBeta: report.bestBeta, settings: settings)
        }
        let plan = index.plan(.official)
        return ThresholdsUncertainty(actors: rows, actorTest: index.actorHeterogeneity(minBlends: 2, permutations: 200),
                                     foldTest: plan.foldHeterogeneity(permutations: 200, seed: 1, level: 0.95),
                                     settings: settings)
    }

    static let fixtureUncertainty = uncertainty(alpha: project.thresholds.alpha)
}
