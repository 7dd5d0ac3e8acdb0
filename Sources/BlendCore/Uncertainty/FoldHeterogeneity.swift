import Foundation

/// Is the spread of per-fold best β larger than random folds of the same sizes give?
///
/// Each fold's own best (α, β) on the grid; the statistic is max − min of the folds' β. Under
/// the null the training actors are dealt at random to the folds, each fold keeping its
/// number of actors.
public struct FoldHeterogeneityTest: Hashable, Sendable, Codable {
    public let statistic: Double
    /// Each fold's own best β, in fold order.
    public let foldBetas: [Double]
    public let folds: [Int]
    public let pValue: Double
    public let permutations: Int
    public let level: Double

    public var sentence: String {
        let p = ActorHeterogeneityTest.pText(pValue)
        let range = "\(NumberText.fixed(foldBetas.min() ?? 0, places: 2))–\(NumberText.fixed(foldBetas.max() ?? 0, places: 2))"
        let head = "the folds' best β span \(String(format: "%.2f", statistic)) (\(range))"
        if pValue < 1 - level {
            return head + ", more than random folds of the same sizes give (p = \(p)): the folds differ in β beyond chance"
        }
        return head + ", what random folds of the same sizes give (p = \(p)): the spread is no evidence of actor-dependent β"
    }
}

extension SweepPlan {
    /// The fold heterogeneity test over the training clips; nil with fewer than two folds.
    /// An actor belongs to the fold of its first training clip.
    public func foldHeterogeneity(permutations: Int = 2_000, seed: UInt64 = 1,
                                  level: Double = 0.95) -> FoldHeterogeneityTest? {
        let clips = index.clips
        let training = clips.indices.filter { clips[$0].fold != nil }
        let tables = CellTables(self, indices: training)
        var foldOf = [String: Int]()
        for n in training where foldOf[clips[n].actor] == nil { foldOf[clips[n].actor] = clips[n].fold }
        let folds = Set(foldOf.values).sorted()
        guard folds.count >= 2 else { return nil }
        let actorFold = tables.names.map { folds.firstIndex(of: foldOf[$0] ?? folds[0]) ?? 0 }
        let sizes = folds.indices.map { f in actorFold.filter { $0 == f }.count }
        let na = grid.alphas.count, nb = grid.betas.count
        var acc = [Int32](repeating: 0, count: tables.width)
        var weights = [Int32](repeating: 0, count: tables.count)

        /// Each fold's best β when actor g sits in fold `assigned(g)`.
        func betas(_ assigned: (Int) -> Int) -> [Double] {
            acc.withUnsafeMutableBufferPointer { acc in
                weights.withUnsafeMutableBufferPointer { w in
                    folds.indices.map { f in
                        for g in 0..<tables.count { w[g] = assigned(g) == f ? 1 : 0 }
                        let (c, b) = tables.sum(weights: { w[$0] }, into: acc)
                        return grid.betas[CellTables.best(acc, clips: c, blends: b, alphaCount: na, betaCount: nb).beta]
                    }
                }
            }
        }
        func spread(_ b: [Double]) -> Double { (b.max() ?? 0) - (b.min() ?? 0) }

        let observed = betas { actorFold[$0] }
        var null = [Double]()
        null.reserveCapacity(permutations)
        var dealt = [Int](repeating: 0, count: tables.count)
        Resampling.permutations(of: tables.count, count: permutations, seed: seed) { _, order in
            // The first sizes[0] actors of the shuffled order make fold 0, and so on.
            var position = 0
            for f in sizes.indices {
                for _ in 0..<sizes[f] { dealt[order[position]] = f; position += 1 }
            }
            null.append(spread(betas { dealt[$0] }))
        }
        return FoldHeterogeneityTest(statistic: spread(observed), foldBetas: observed, folds: folds,
                                     pValue: Resampling.pValue(observed: spread(observed), null: null),
                                     permutations: permutations, level: level)
    }
}
