import Foundation

/// Is the spread of per-actor best β larger than random groups of the same make-up give?
///
/// At the scope's α* on the grid, each actor's β* is the first β maximising its ACC_S; the
/// statistic is the population SD of β* over actors with at least `minBlends` blends. Under
/// the null the scope's blends are dealt at random to the actors within each label kind
/// (50/50, 70/30, 30/70), each actor keeping its number of blends of each kind.
public struct ActorHeterogeneityTest: Hashable, Sendable, Codable {
    public let alpha: Double
    public let statistic: Double
    public let pValue: Double
    public let permutations: Int
    /// Actors the statistic is taken over.
    public let actors: Int
    public let minBlends: Int
    /// β* of each actor taken, by name.
    public let actorBetas: [String: Double]
    public let level: Double

    /// What the data show, in one sentence.
    public var sentence: String {
        let sd = String(format: "%.2f", statistic), p = Self.pText(pValue)
        if pValue < 1 - level {
            return "the spread of best β across \(actors) actors (SD \(sd)) is larger than random groups of the same make-up give (p = \(p)): these predictions show an actor-dependent β"
        }
        return "the spread of best β across \(actors) actors (SD \(sd)) is what random groups of the same make-up give (p = \(p)): these predictions show no actor-dependent β"
    }

    public static func pText(_ x: Double) -> String { x < 0.001 ? String(format: "%.4f", x) : String(format: "%.3f", x) }
}

extension SweepIndex {
    /// The actor heterogeneity test over the clips at `indices` (all when nil); nil when fewer
    /// than two actors have `minBlends` blends.
    public func actorHeterogeneity(indices: [Int]? = nil, grid: ThresholdGrid = .official, minBlends: Int = 10,
                                   permutations: Int = 2_000, seed: UInt64 = 1,
                                   level: Double = 0.95) -> ActorHeterogeneityTest? {
        let scope = indices ?? Array(entries.indices)
        let alpha = plan(grid).sweep(of: scope).best.thresholds.alpha
        let patterns = BetaPatterns(self, alpha: alpha, betas: grid.betas)
        let groups = ResamplingUnits.actorGroups(clips, indices: scope)
        // Blend slots per actor and kind; the clips of each kind, in scope order.
        var pools = [[Int]](repeating: [], count: 3)
        var blendCount = [Int](repeating: 0, count: groups.count)
        func kind(_ l: Label) -> Int { l.firstSalience == 50 ? 0 : l.firstSalience == 70 ? 1 : 2 }
        var slotActor = [[Int]](repeating: [], count: 3)
        for (g, group) in groups.enumerated() {
            for n in group.members where clips[n].label.isBlend {
                let k = kind(clips[n].label)
                pools[k].append(n)
                slotActor[k].append(g)
                blendCount[g] += 1
            }
        }
        let taken = groups.indices.filter { blendCount[$0] >= minBlends }
        guard taken.count >= 2 else { return nil }
        let nb = grid.betas.count
        var diff = [Int32](repeating: 0, count: groups.count * (nb + 1))
        var hits = [Int32](repeating: 0, count: nb)
        var bestIndex = [Int](repeating: 0, count: groups.count)

        // The statistic for one dealing: `clipAt(k, i)` is the clip in slot i of kind k.
        func statistic(_ clipAt: (Int, Int) -> Int) -> Double {
            diff.withUnsafeMutableBufferPointer { diff in
                hits.withUnsafeMutableBufferPointer { hits in
                    for k in 0..<3 {
                        for i in slotActor[k].indices {
                            let g = slotActor[k][i]
                            patterns.add(clipAt(k, i), to: UnsafeMutableBufferPointer(rebasing: diff[(g * (nb + 1))..<((g + 1) * (nb + 1))]))
                        }
                    }
                    for g in taken {
                        patterns.hits(UnsafeMutableBufferPointer(rebasing: diff[(g * (nb + 1))..<((g + 1) * (nb + 1))]), into: hits)
                        bestIndex[g] = BetaPatterns.firstMax(hits)
                    }
                    // Actors not taken still need their slots cleared.
                    for i in 0..<diff.count { diff[i] = 0 }
                }
            }
            return Self.populationSD(of: taken.map { bestIndex[$0] }, values: grid.betas)
        }

        let observed = statistic { pools[$0][$1] }
        var observedBetas = [String: Double]()
        for g in taken { observedBetas[groups[g].actor] = grid.betas[bestIndex[g]] }
        // One permutation per kind per replicate, each from the same chunked stream: the
        // three kinds are shuffled by one permutation of all blends, read kind by kind.
        var null = [Double]()
        null.reserveCapacity(permutations)
        let all = pools.flatMap { $0 }
        let kindOf = pools.enumerated().flatMap { k, pool in pool.map { _ in k } }
        let offset = [0, pools[0].count, pools[0].count + pools[1].count]
        var dealt = all
        Resampling.permutations(of: all.count, count: permutations, seed: seed) { _, order in
            var fill = offset
            for i in order {
                let k = kindOf[i]
                dealt[fill[k]] = all[i]
                fill[k] += 1
            }
            null.append(statistic { dealt[offset[$0] + $1] })
        }
        return ActorHeterogeneityTest(alpha: alpha, statistic: observed,
                                      pValue: Resampling.pValue(observed: observed, null: null),
                                      permutations: permutations, actors: taken.count, minBlends: minBlends,
                                      actorBetas: observedBetas, level: level)
    }

    /// √(Σ(x − mean)² / n) of `values[i]` over the indices, summed per distinct value in grid
    /// order: the same multiset of β* gives the same bits whatever the actors' order, so a
    /// null dealing that reproduces the observed spread counts as ≥ it, as it must.
    static func populationSD(of indices: [Int], values: [Double]) -> Double {
        var count = [Int](repeating: 0, count: values.count)
        for i in indices { count[i] += 1 }
        let n = Double(indices.count)
        var sum = 0.0
        for i in values.indices where count[i] > 0 { sum += Double(count[i]) * values[i] }
        let mean = sum / n
        var ss = 0.0
        for i in values.indices where count[i] > 0 { ss += Double(count[i]) * (values[i] - mean) * (values[i] - mean) }
        return (ss / n).squareRoot()
    }
}
