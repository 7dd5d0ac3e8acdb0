import BlendCore

/// One actor's best β with the intervals from resampling its own clips.
public struct ActorRowData: Sendable {
    public let actor: ActorBeta
    public let uncertainty: ActorUncertainty
}

/// Why actors' best β differ: every actor at a fixed α, or one in detail.
public struct ActorsOutcome: Sendable {
    public let source: SourceRef
    public let alpha: Double
    /// The source's labelled clips (the report's clip indices point into them).
    public let scored: ScoredClips
    public let report: ActorBetaReport
    /// Every actor, in the report's order; only the detailed one with `actor`.
    public let rows: [ActorRowData]
    /// The actor asked for, in detail.
    public let detail: ActorRowData?
    public let test: ActorHeterogeneityTest?
    /// The project's unlabelled test clips, which have no actor.
    public let unlabelled: Int
}

extension ProjectSession {
    /// `actors`: each actor's best β at `alpha` over `betas`.
    ///
    /// - Throws: `AppError.unknownActor` for an actor the source has no predictions for.
    public func actors(_ source: SourceRef, alpha: Double, betas: [Double] = ThresholdGrid.official.betas,
                       actor: String? = nil, test: Bool = false, minBlends: Int = 10,
                       settings: BootstrapSettings = .standard) throws -> ActorsOutcome {
        let scored = try store.scoredClips(source: source)
        let index = SweepIndex(scored)
        let report = index.actorBetas(alpha: alpha, betas: betas)
        var detail: ActorRowData?
        if let actor {
            guard let a = report.actor(actor) else { throw AppError.unknownActor(source: source.description, actor: actor) }
            detail = Self.row(a, index: index, report: report, alpha: alpha, settings: settings)
        }
        let rows = detail.map { [$0] } ?? Self.rows(index: index, report: report, alpha: alpha, settings: settings)
        let unlabelled = try store.unlabelledCount()
        let heterogeneity = test ? index.actorHeterogeneity(minBlends: minBlends, permutations: settings.replicates,
                                                            seed: settings.seed, level: settings.level) : nil
        return ActorsOutcome(source: source, alpha: alpha, scored: scored, report: report, rows: rows, detail: detail,
                             test: heterogeneity, unlabelled: unlabelled)
    }

    static func rows(index: SweepIndex, report: ActorBetaReport, alpha: Double, settings: BootstrapSettings) -> [ActorRowData] {
        report.actors.map { row($0, index: index, report: report, alpha: alpha, settings: settings) }
    }

    private static func row(_ a: ActorBeta, index: SweepIndex, report: ActorBetaReport, alpha: Double,
                            settings: BootstrapSettings) -> ActorRowData {
        ActorRowData(actor: a, uncertainty: index.actorUncertainty(actor: a.actor, members: a.clips, alpha: alpha,
                                                                   betas: report.betas, bestBeta: a.bestBeta,
                                                                   globalBeta: report.bestBeta, settings: settings))
    }
}
