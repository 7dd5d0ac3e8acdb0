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
                let row = rows.baseAddress! + g * w
                let out = acc.baseAddress!
                for i in 0..<w { out[i] &+= k &* row[i] }
            }
        }
        return (c, b)
    }

    /// The challenge's choice on summed counts: α outer, β inner, first maximum of Score.
    /// Returns the cell (α index, β index) and its Score.
    ///
    /// Within one α row ACC_P is fixed and ACC_S = S / blends rises strictly with the count S
    /// (counts far below 2^52 give distinct quotients), so the row's first maximum of Score is
    /// its first maximum of S: one Score per row, not per cell, compared across rows with the
    /// same strict `>` and the same ``Metrics`` formulas as ``SweepResult``.
    static func best(_ acc: UnsafeMutableBufferPointer<Int32>, clips: Int, blends: Int,
                     alphaCount: Int, betaCount: Int) -> (alpha: Int, beta: Int, score: Double) {
        var best = (0, 0), bestScore = -Double.infinity
        for a in 0..<alphaCount {
            let row = alphaCount + a * betaCount
            var top = 0
            for b in 1..<betaCount where acc[row + b] > acc[row + top] { top = b }
            let s = Metrics.score(accPresence: Metrics.share(Int(acc[a]), of: clips),
                                  accSalience: Metrics.share(Int(acc[row + top]), of: blends))
            if s > bestScore { best = (a, top); bestScore = s }
        }
        return (best.0, best.1, bestScore)
    }

    /// The best cell of one replicate, group g counted `weights[g]` times (for tests and
    /// callers that draw their own weights).
    public func bestCell(weights: [Int32]) -> (alpha: Int, beta: Int) {
        precondition(weights.count == count, "one weight per group")
        var acc = [Int32](repeating: 0, count: width)
        return acc.withUnsafeMutableBufferPointer { acc in
            let (c, b) = sum(weights: { weights[$0] }, into: acc)
            let r = Self.best(acc, clips: c, blends: b, alphaCount: grid.alphas.count, betaCount: grid.betas.count)
            return (r.alpha, r.beta)
        }
    }
}
