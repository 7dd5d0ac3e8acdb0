/// Per-group (actor) hit counts on every cell of one grid, laid out so that a weighted sum of
/// groups is a handful of vector adds: presence hits per α and salience hits per cell.
public struct CellTables: Sendable {
    public let grid: ThresholdGrid
    public let names: [String]
    public let clips: [Int]
    public let blends: [Int]
    /// Per group, `alphaCount + alphaCount·betaCount` counts: presence per α, then salience
    /// per cell α-major.
    let rows: [Int32]
    public var width: Int { grid.alphas.count * (grid.betas.count + 1) }
    public var count: Int { names.count }

    /// Groups the clips at `indices` (all when nil) by actor on `plan`'s grid.
    public init(_ plan: SweepPlan, indices: [Int]? = nil) {
        let groups = ResamplingUnits.actorGroups(plan.index.clips, indices: indices)
        var groupOf = [Int?](repeating: nil, count: plan.index.count)
        for (g, group) in groups.enumerated() { for n in group.members { groupOf[n] = g } }
        let counts = plan.counts(groupOf: groupOf, groupCount: groups.count)
        let results = counts.map(plan.result)
        grid = plan.grid
        names = groups.map(\.actor)
        clips = results.map(\.clips)
        blends = results.map(\.blends)
        rows = results.flatMap { $0.presenceHits + $0.salienceHits }
    }

    /// `into = Σ_g weight[g]·row[g]` with clip and blend totals.
    func sum(weights: (Int) -> Int32, into acc: UnsafeMutableBufferPointer<Int32>) -> (clips: Int, blends: Int) {
        let w = width
        for i in 0..<w { acc[i] = 0 }
        var c = 0, b = 0
        rows.withUnsafeBufferPointer { rows in
            for g in 0..<count {
                let k = weights(g)
                guard k != 0 else { continue }
                c += Int(k) * clips[g]
                b += Int(k) * blends[g]
                let base = g * w
                for i in 0..<w { acc[i] &+= k &* rows[base + i] }
            }
        }
        return (c, b)
    }

    /// The challenge's choice on summed counts: α outer, β inner, first maximum of Score.
    /// Returns the cell (α index, β index) and its Score.
    static func best(_ acc: UnsafeMutableBufferPointer<Int32>, clips: Int, blends: Int,
                     alphaCount: Int, betaCount: Int) -> (alpha: Int, beta: Int, score: Double) {
        var best = (0, 0), bestScore = -Double.infinity
        for a in 0..<alphaCount {
            let accP = Metrics.share(Int(acc[a]), of: clips)
            let row = alphaCount + a * betaCount
            for b in 0..<betaCount {
                let s = Metrics.score(accPresence: accP, accSalience: Metrics.share(Int(acc[row + b]), of: blends))
                if s > bestScore { best = (a, b); bestScore = s }
            }
        }
        return (best.0, best.1, bestScore)
    }
}
