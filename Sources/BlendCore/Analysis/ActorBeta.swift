/// A clip whose salience verdict changes between the global best β and an actor's best β.
public struct BetaFlip: Hashable, Sendable, Codable {
    /// Index into the analysed clips.
    public let clip: Int
    /// True when the clip is wrong at the global β and right at the actor's; false for the reverse.
    public let becomesCorrect: Bool
}

/// Why one actor's best salience threshold differs from everyone's, at a fixed α.
///
/// Margin distributions cover the blends whose salience β actually decides at that α: the
/// labelled pair is kept, and for 70/30 blends the stronger emotion is on top. Other blends
/// are wrong at every β and would only blur the picture.
public struct ActorBeta: Hashable, Sendable, Encodable {
    public let actor: String
    /// Indices of the actor's clips.
    public let clips: [Int]
    public let blends: Int
    /// The actor's metrics at each β of the report, in order (ACC_S is the β-dependent part).
    public let curve: [Metrics]
    /// Of the β values with the actor's highest ACC_S, the one nearest the global best β (the
    /// first on ties), so a flat optimum never shows a spurious distance. Nil when no β gets
    /// any of the actor's blends right.
    public let bestBetaIndex: Int?
    public let bestBeta: Double?
    /// `|bestBeta − global best β|`; nil with `bestBeta`.
    public let distance: Double?
    /// Margins of the actor's β-decided 50/50 and 70/30 blends.
    public let evenMargins: MarginDistribution
    public let unevenMargins: MarginDistribution
    /// The actor's clips whose salience verdict changes between the global and the actor's β.
    public let flips: [BetaFlip]
    /// One computed sentence that says why (see ``ActorBetaReport``).
    public let explanation: String
}

/// Per-actor β analysis at a fixed α over a list of β values.
public struct ActorBetaReport: Hashable, Sendable, Encodable {
    /// The fixed presence threshold.
    public let alpha: Double
    /// The salience thresholds tried, in the order curves follow.
    public let betas: [Double]
    /// The whole set's metrics at each β.
    public let curve: [Metrics]
    /// The whole set's best β: the first maximum of Score, as in the challenge's search.
    public let bestBetaIndex: Int
    /// Margins of all actors' β-decided 50/50 and 70/30 blends.
    public let evenMargins: MarginDistribution
    public let unevenMargins: MarginDistribution
    /// Ranked by distance from the global best β, farthest first (ties by actor); actors
    /// without a best β come last.
    public let actors: [ActorBeta]

    public var bestBeta: Double { betas[bestBetaIndex] }

    public func actor(_ id: String) -> ActorBeta? { actors.first { $0.actor == id } }
}

extension SweepIndex {
    /// Every actor's best β at `alpha`, its ACC_S curve, margin distributions, flipping clips
    /// and explanation, beside the whole set's. One pass places the clips; each actor is then
    /// a row of counts.
    public func actorBetas(alpha: Double, betas: [Double] = ThresholdGrid.official.betas,
                           binCount: Int = 20) -> ActorBetaReport {
        let plan = plan(ThresholdGrid(alphas: [alpha], betas: betas))
        let (groups, groupOf) = ClipGrouping.actor.partition(clips)
        let counts = plan.counts(groupOf: groupOf, groupCount: groups.count)
        let overall = plan.result(counts.reduce(plan.emptyCounts(), +))
        let globalIndex = overall.best.betaIndex
        let globalBeta = betas[globalIndex]

        var members = [[Int]](repeating: [], count: groups.count)
        var even = [[Double]](repeating: [], count: groups.count)
        var uneven = even
        var pairNotKept = [Int](repeating: 0, count: groups.count)
        var wrongWay = pairNotKept
        for (n, g) in groupOf.enumerated() {
            guard let g else { continue }
            members[g].append(n)
            let e = entries[n]
            guard e.isBlend else { continue }
            guard e.keepsPair(alpha: alpha) && e.pairPresenceHit else { pairNotKept[g] += 1; continue }
            switch e.salience {
            case .atMostBeta: even[g].append(e.margin)
            case .aboveBeta: uneven[g].append(e.margin)
            case .never: wrongWay[g] += 1
            }
        }
        let allEven = MarginDistribution(even.flatMap { $0 }, binCount: binCount)
        let allUneven = MarginDistribution(uneven.flatMap { $0 }, binCount: binCount)

        let actors = groups.indices.map { g -> ActorBeta in
            guard case .actor(let name) = groups[g] else { preconditionFailure("actor grouping yields actors") }
            let result = plan.result(counts[g])
            let best = Self.nearestBest(result.salienceHits, betas: betas, to: globalBeta)
            let flips: [BetaFlip] = best.map { b in
                members[g].compactMap { n in
                    let atGlobal = entries[n].salienceHit(alpha: alpha, beta: globalBeta)
                    let atActor = entries[n].salienceHit(alpha: alpha, beta: betas[b])
                    return atGlobal == atActor ? nil : BetaFlip(clip: n, becomesCorrect: atActor)
                }
            } ?? []
            let evenMargins = MarginDistribution(even[g], binCount: binCount)
            let unevenMargins = MarginDistribution(uneven[g], binCount: binCount)
            let evidence = BetaEvidence(
                actor: name, alpha: alpha, betas: betas, blends: result.blends, pairNotKept: pairNotKept[g],
                wrongWay: wrongWay[g], actorBeta: best.map { betas[$0] }, globalBeta: globalBeta,
                actorEven: evenMargins, actorUneven: unevenMargins, allEven: allEven, allUneven: allUneven)
            return ActorBeta(actor: name, clips: members[g], blends: result.blends, curve: result.cells,
                             bestBetaIndex: best, bestBeta: best.map { betas[$0] },
                             distance: best.map { abs(betas[$0] - globalBeta) },
                             evenMargins: evenMargins, unevenMargins: unevenMargins, flips: flips,
                             explanation: evidence.sentence)
        }
        let ranked = actors.sorted { a, b in
            switch (a.distance, b.distance) {
            case let (x?, y?) where x != y: x > y
            case (.some, nil): true
            case (nil, .some): false
            default: a.actor < b.actor
            }
        }
        return ActorBetaReport(alpha: alpha, betas: betas, curve: overall.cells, bestBetaIndex: globalIndex,
                               evenMargins: allEven, unevenMargins: allUneven, actors: ranked)
    }

    /// Of the β indices with the most salience hits, the one nearest `target` (first on ties);
    /// nil when no β gets any hit.
    static func nearestBest(_ hits: [Int32], betas: [Double], to target: Double) -> Int? {
        guard let top = hits.max(), top > 0 else { return nil }
        var best: Int?
        for b in hits.indices where hits[b] == top {
            if best == nil || abs(betas[b] - target) < abs(betas[best!] - target) { best = b }
        }
        return best
    }
}
