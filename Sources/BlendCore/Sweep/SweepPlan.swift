/// A ``SweepIndex`` placed on one ``ThresholdGrid``: for every clip, how many of the grid's α
/// values keep its top two as a pair, and how many of its β values call that pair 70/30.
///
/// A clip is kept as a pair for a prefix of the ascending α values and called 50/50 for a
/// suffix of the ascending β values, so two binary searches place it; a whole grid is then a
/// 2-D histogram turned into prefix sums (``SweepCounts``): O(N log G + Gα·Gβ) in all.
public struct SweepPlan: Sendable {
    public let index: SweepIndex
    public let grid: ThresholdGrid
    /// Grid positions in ascending order of value: `alphaOrder[s]` is the α index at rank s.
    let alphaOrder: [Int]
    let betaOrder: [Int]
    /// Per clip: the number of α ranks at which the pair is kept (ranks `0..<alphaRank`).
    let alphaRank: [Int32]
    /// Per clip: the first β rank at which the pair is 50/50 (`betas.count` when none).
    let betaRank: [Int32]

    public init(index: SweepIndex, grid: ThresholdGrid) {
        self.index = index
        self.grid = grid
        let alphaOrder = grid.alphas.indices.sorted { grid.alphas[$0] < grid.alphas[$1] }
        let betaOrder = grid.betas.indices.sorted { grid.betas[$0] < grid.betas[$1] }
        let sortedAlphas = alphaOrder.map { grid.alphas[$0] }
        let sortedBetas = betaOrder.map { grid.betas[$0] }
        var alphaRank = [Int32](repeating: 0, count: index.count)
        var betaRank = [Int32](repeating: 0, count: index.count)
        for (n, e) in index.entries.enumerated() {
            // The first ascending α that drops the pair; everything below it keeps it.
            alphaRank[n] = Int32(Self.firstRank(in: sortedAlphas) { !e.keepsPair(alpha: $0) })
            betaRank[n] = Int32(Self.firstRank(in: sortedBetas) { e.isEven(beta: $0) })
        }
        self.alphaOrder = alphaOrder
        self.betaOrder = betaOrder
        self.alphaRank = alphaRank
        self.betaRank = betaRank
    }

    /// The first position where a predicate that is false…false true…true turns true.
    private static func firstRank(in sorted: [Double], where turned: (Double) -> Bool) -> Int {
        var lo = 0, hi = sorted.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if turned(sorted[mid]) { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Empty counts shaped for this grid.
    public func emptyCounts() -> SweepCounts {
        SweepCounts(alphaCount: grid.alphas.count, betaCount: grid.betas.count)
    }

    /// Counts over the clips at `indices`.
    public func counts<C: Sequence>(of indices: C) -> SweepCounts where C.Element == Int {
        var c = emptyCounts()
        for n in indices { c.add(index.entries[n], alphaRank: Int(alphaRank[n]), betaRank: Int(betaRank[n])) }
        return c
    }

    /// Counts over all clips.
    public func counts() -> SweepCounts { counts(of: index.entries.indices) }

    /// Counts per group in one pass: `group[n]` is clip n's group in `0..<groupCount`, or nil
    /// for a clip in none.
    public func counts(groupOf group: [Int?], groupCount: Int) -> [SweepCounts] {
        precondition(group.count == index.count, "one group per clip expected")
        var all = [SweepCounts](repeating: emptyCounts(), count: groupCount)
        for (n, g) in group.enumerated() {
            guard let g else { continue }
            all[g].add(index.entries[n], alphaRank: Int(alphaRank[n]), betaRank: Int(betaRank[n]))
        }
        return all
    }

    /// Every cell of the grid, from counts made by this plan (or sums of them).
    public func result(_ counts: SweepCounts) -> SweepResult {
        precondition(counts.alphaCount == grid.alphas.count && counts.betaCount == grid.betas.count,
                     "counts from another grid")
        return SweepResult(grid: grid, cells: counts.cells(alphaOrder: alphaOrder, betaOrder: betaOrder))
    }

    /// Every cell of the grid over all clips.
    public func sweep() -> SweepResult { result(counts()) }

    /// Every cell of the grid over the clips at `indices`.
    public func sweep<C: Sequence>(of indices: C) -> SweepResult where C.Element == Int {
        result(counts(of: indices))
    }
}
