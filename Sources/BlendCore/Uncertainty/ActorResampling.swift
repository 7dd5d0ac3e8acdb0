/// One actor's numbers with intervals from resampling that actor's own clips.
public struct ActorUncertainty: Hashable, Sendable, Codable {
    public let actor: String
    public let clips: Int
    public let blends: Int
    /// ACC_S at the actor's β* and at the global β, with intervals (nil without a β*).
    public let accSalienceAtBest: Interval?
    public let accSalienceAtGlobal: Interval
    /// The interval of the actor's β* over the replicates that have one (the nearest-to-global
    /// maximiser, as the point β* is chosen); nil when none has.
    public let betaInterval: Interval?
    /// Whether that interval covers the global β.
    public var coversGlobal: Bool? { betaInterval.map { $0.contains(globalBeta) } }
    public let globalBeta: Double

    /// Appended to the actor's explanation.
    public var sentence: String {
        guard let b = betaInterval else { return "No resampling of \(actor)'s clips gets a blend right." }
        let range = "[\(NumberText.fixed(b.lo, places: 2)), \(NumberText.fixed(b.hi, places: 2))]"
        return coversGlobal == true
            ? "Resampling \(actor)'s \(clips) clips puts its best β in \(range), which covers the global \(NumberText.fixed(globalBeta, places: 2)): \(blends) blends cannot tell its β from everyone's."
            : "Resampling \(actor)'s \(clips) clips puts its best β in \(range), which excludes the global \(NumberText.fixed(globalBeta, places: 2))."
    }
}

extension SweepIndex {
    /// Each actor's clip bootstrap at `alpha` over `betas`: `bestBeta` is the actor's point β*
    /// (nil when none), `globalBeta` the whole set's.
    public func actorUncertainty(actor: String, members: [Int], alpha: Double, betas: [Double],
                                 bestBeta: Double?, globalBeta: Double,
                                 settings: BootstrapSettings = .standard) -> ActorUncertainty {
        let patterns = BetaPatterns(self, alpha: alpha, betas: betas)
        let global = betas.firstIndex(of: globalBeta) ?? 0
        let best = bestBeta.flatMap { betas.firstIndex(of: $0) }
        var atBest = [Double](), atGlobal = [Double](), bestBetas = [Double]()
        let isBlend = members.map { clips[$0].label.isBlend }
        patterns.eachClipReplicate(of: members, isBlend: isBlend, settings: settings) { hits, blends in
            atGlobal.append(Metrics.share(Int(hits[global]), of: blends))
            if let best { atBest.append(Metrics.share(Int(hits[best]), of: blends)) }
            if let b = patterns.nearestMax(hits, to: globalBeta) { bestBetas.append(betas[b]) }
        }
        return ActorUncertainty(
            actor: actor, clips: members.count, blends: members.filter { clips[$0].label.isBlend }.count,
            accSalienceAtBest: best == nil ? nil : Percentile.interval(atBest, level: settings.level),
            accSalienceAtGlobal: Percentile.interval(atGlobal, level: settings.level),
            betaInterval: bestBetas.isEmpty ? nil : Percentile.interval(bestBetas, level: settings.level),
            globalBeta: globalBeta)
    }
}
