/// The clips of one duration bin and how the source decodes them.
public struct DurationBin: Hashable, Sendable, Encodable {
    /// Inclusive lower bound in seconds; nil for the first bin (open below).
    public let lower: Double?
    /// Exclusive upper bound in seconds; nil for the last bin (open above).
    public let upper: Double?
    /// Indices of the bin's clips in the analysed clips.
    public let clips: [Int]
    /// The shortest and longest duration in the bin; nil when it is empty.
    public let shortest: Double?
    public let longest: Double?
    /// Clips per label kind: one emotion, 50/50 and 70/30 blends.
    public let singles: Int
    public let evenBlends: Int
    public let unevenBlends: Int
    /// ACC_P, ACC_S and Score at the report's α/β.
    public let metrics: Metrics
    /// Of the β values with the bin's highest ACC_S at the report's α, the one nearest the
    /// whole set's best β (as for actors); nil when no β gets any of its blends right.
    public let bestBeta: Double?
    /// The bin's metrics at `bestBeta` (α fixed); nil with it.
    public let metricsAtBestBeta: Metrics?
    /// Blends whose labelled pair is predicted at α (presence right), and of those the ones
    /// whose salience is wrong at α/β.
    public let pairFound: Int
    public let salienceErrors: Int
    /// 70/30 blends whose pair is kept at α, and of those the ones with the weaker emotion on
    /// top: the dominant emotion did not show in the probabilities (e.g. it appears late, after
    /// the window an encoder saw). No β can get these right.
    public let unevenPairFound: Int
    public let reversed: Int
    /// Top-two margins `|p1 − p2|` of all the bin's clips.
    public let margins: MarginDistribution

    public var count: Int { clips.count }
    public var blends: Int { evenBlends + unevenBlends }
    /// Share of the bin's clips that are blends (0 for an empty bin).
    public var blendShare: Double { Metrics.share(blends, of: count) }
    /// Share of found pairs whose salience is wrong.
    public var salienceErrorShare: Double { Metrics.share(salienceErrors, of: pairFound) }
    /// Share of kept 70/30 pairs with the weaker emotion on top.
    public var reversedShare: Double { Metrics.share(reversed, of: unevenPairFound) }

    /// `< 2.00 s`, `2.00–3.00 s`, `≥ 4.00 s` (two decimals).
    public var range: String {
        let f = { NumberText.fixed($0, places: 2) }
        switch (lower, upper) {
        case let (lo?, hi?): return "\(f(lo))–\(f(hi)) s"
        case let (nil, hi?): return "< \(f(hi)) s"
        case let (lo?, nil): return "≥ \(f(lo)) s"
        case (nil, nil): return "all"
        }
    }
}

/// A source's clips grouped by duration, at fixed thresholds: whether long clips (in BLEMORE
/// the blends) are decoded differently from short ones.
public struct DurationReport: Hashable, Sendable, Encodable {
    public let thresholds: Thresholds
    /// The β values searched for each bin's best β (α fixed).
    public let betas: [Double]
    /// The inner cut points between the bins, in seconds.
    public let cutPoints: [Double]
    public let bins: [DurationBin]
    /// The clips with a duration, over all bins, at the report's α/β.
    public let metrics: Metrics
    /// Their best β at α: the first maximum of Score, as in the challenge's search.
    public let bestBeta: Double
    /// Indices of the analysed clips that have no duration (no linked video): in no bin.
    public let withoutDuration: [Int]
    /// How long the clips of each label kind (single, 50/50, 70/30) run, in that order.
    public let kinds: [DurationSpread]
    /// Correlation of duration with the top-two margin over the clips with a duration, and
    /// over their blends alone; nil for fewer than two clips or a constant side.
    public let marginPearson: Double?
    public let marginSpearman: Double?
    public let blendMarginPearson: Double?
    public let blendMarginSpearman: Double?
    /// One computed sentence: how the longest bin differs from the shortest.
    public let finding: String

    /// Clips that have a duration.
    public var withDuration: Int { metrics.clips }
}

/// The durations of one label kind's clips: count, quartiles (numpy's interpolation) and mean.
public struct DurationSpread: Hashable, Sendable, Encodable {
    public let kind: Label.Kind
    public let count: Int
    /// Nil when the kind has no clip with a duration.
    public let shortest: Double?
    public let lowerQuartile: Double?
    public let median: Double?
    public let upperQuartile: Double?
    public let longest: Double?
    public let mean: Double?

    public init(kind: Label.Kind, _ seconds: [Double]) {
        self.kind = kind
        let sorted = seconds.sorted()
        count = sorted.count
        func q(_ p: Double) -> Double? { sorted.isEmpty ? nil : Quantile.linear(sorted, p) }
        shortest = sorted.first
        lowerQuartile = q(0.25)
        median = q(0.5)
        upperQuartile = q(0.75)
        longest = sorted.last
        mean = sorted.isEmpty ? nil : sorted.reduce(0, +) / Double(sorted.count)
    }
}

extension SweepIndex {
    /// Groups the clips by `durations` (seconds, one per clip, nil where unknown) and reports
    /// per bin the label kinds, ACC_P/ACC_S/Score at `thresholds`, the best β at its α, salience
    /// errors and margins; beside them the correlation of duration and margin. Nil when no
    /// clip has a duration.
    public func durationReport(durations: [Double?], binning: DurationBinning, at thresholds: Thresholds,
                               betas: [Double] = ThresholdGrid.official.betas) -> DurationReport? {
        precondition(durations.count == count, "one duration (or nil) per clip expected")
        // A duration that is not a finite number is as good as none.
        let known = durations.indices.filter { durations[$0]?.isFinite ?? false }
        guard !known.isEmpty else { return nil }
        let seconds = known.map { durations[$0]! }
        let cuts = binning.cutPoints(sortedDurations: seconds.sorted())
        var groupOf = [Int?](repeating: nil, count: count)
        var members = [[Int]](repeating: [], count: cuts.count + 1)
        var byKind = [Label.Kind: [Double]]()
        for n in known {
            byKind[clips[n].label.kind, default: []].append(durations[n]!)
            let b = DurationBinning.bin(of: durations[n]!, cuts: cuts)
            groupOf[n] = b
            members[b].append(n)
        }

        let alpha = thresholds.alpha
        let plan = plan(ThresholdGrid(alphas: [alpha], betas: betas))
        let counts = plan.counts(groupOf: groupOf, groupCount: members.count)
        let overall = plan.result(counts.reduce(plan.emptyCounts(), +))
        let globalBeta = betas[overall.best.betaIndex]

        let bins = members.indices.map { b -> DurationBin in
            let result = plan.result(counts[b])
            let best = Self.nearestBest(result.salienceHits, betas: betas, to: globalBeta)
            return bin(members[b], lower: b == 0 ? nil : cuts[b - 1], upper: b == cuts.count ? nil : cuts[b],
                       durations: durations, thresholds: thresholds,
                       bestBeta: best.map { betas[$0] }, atBest: best.map { result.metrics(alphaIndex: 0, betaIndex: $0) })
        }

        let margins = known.map { entries[$0].margin }
        let blends = known.indices.filter { entries[known[$0]].isBlend }
        let blendSeconds = blends.map { seconds[$0] }, blendMargins = blends.map { margins[$0] }
        let all = bins.reduce(Metrics()) { $0 + $1.metrics }
        let withoutDuration = durations.indices.filter { groupOf[$0] == nil }
        return DurationReport(
            thresholds: thresholds, betas: betas, cutPoints: cuts, bins: bins, metrics: all, bestBeta: globalBeta,
            withoutDuration: withoutDuration,
            kinds: Label.Kind.allCases.map { DurationSpread(kind: $0, byKind[$0] ?? []) },
            marginPearson: Correlation.pearson(seconds, margins), marginSpearman: Correlation.spearman(seconds, margins),
            blendMarginPearson: Correlation.pearson(blendSeconds, blendMargins),
            blendMarginSpearman: Correlation.spearman(blendSeconds, blendMargins),
            finding: DurationFinding(bins: bins, spearman: Correlation.spearman(seconds, margins)).sentence)
    }

    private func bin(_ members: [Int], lower: Double?, upper: Double?, durations: [Double?], thresholds t: Thresholds,
                     bestBeta: Double?, atBest: Metrics?) -> DurationBin {
        var singles = 0, even = 0, uneven = 0
        var pairFound = 0, salienceErrors = 0, unevenPairFound = 0, reversed = 0
        for n in members {
            let e = entries[n]
            switch clips[n].label.kind {
            case .single: singles += 1
            case .even: even += 1
            case .uneven: uneven += 1
            }
            guard e.isBlend else { continue }
            if e.presenceHit(alpha: t.alpha) {
                pairFound += 1
                if !e.salienceHit(alpha: t.alpha, beta: t.beta) { salienceErrors += 1 }
            }
            if clips[n].label.kind == .uneven && e.keepsPair(alpha: t.alpha) && e.pairPresenceHit {
                unevenPairFound += 1
                if e.salience == .never { reversed += 1 }
            }
        }
        let seconds = members.map { durations[$0]! }
        return DurationBin(lower: lower, upper: upper, clips: members, shortest: seconds.min(), longest: seconds.max(),
                           singles: singles, evenBlends: even, unevenBlends: uneven, metrics: metrics(at: t, of: members),
                           bestBeta: bestBeta, metricsAtBestBeta: atBest, pairFound: pairFound,
                           salienceErrors: salienceErrors, unevenPairFound: unevenPairFound, reversed: reversed,
                           margins: MarginDistribution(members.map { entries[$0].margin }))
    }
}
