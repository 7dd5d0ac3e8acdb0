extension SweepIndex {
    /// One actor's ACC_S(β) band at `alpha`: at each β of `betas`, the percentile interval of
    /// ACC_S over replicates that resample the actor's clips (`members`) with replacement (one
    /// actor's scope). The draws are `actorUncertainty`'s, so at the actor's β* and at the global
    /// β the band is that function's two ACC_S intervals.
    public func actorSalienceBand(members: [Int], alpha: Double, betas: [Double],
                                  settings: BootstrapSettings = .standard) -> [Interval] {
        guard !members.isEmpty, !betas.isEmpty else { return [] }
        let patterns = BetaPatterns(self, alpha: alpha, betas: betas)
        let isBlend = members.map { clips[$0].label.isBlend }
        // Replicate-major: one row of ACC_S per replicate, read per β at the end.
        var shares = [[Double]](repeating: [], count: betas.count)
        for b in betas.indices { shares[b].reserveCapacity(settings.replicates) }
        patterns.eachClipReplicate(of: members, isBlend: isBlend, settings: settings) { hits, blends in
            for b in betas.indices { shares[b].append(Metrics.share(Int(hits[b]), of: blends)) }
        }
        return shares.map { Percentile.interval($0, level: settings.level) }
    }
}
