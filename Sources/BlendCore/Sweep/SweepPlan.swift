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
        (alphaRank, betaRank) = Self.place(index.entries, alphas: sortedAlphas, betas: sortedBetas)
        self.alphaOrder = alphaOrder
        self.betaOrder = betaOrder
    }

    /// Each clip's α rank count and first 50/50 β rank on the ascending grid values.
    private static func place(_ entries: [SweepEntry], alphas: [Double], betas: [Double]) -> ([Int32], [Int32]) {
        var alphaRank = [Int32](repeating: 0, count: entries.count)
        var betaRank = [Int32](repeating: 0, count: entries.count)
        alphas.withUnsafeBufferPointer { alphas in
            betas.withUnsafeBufferPointer { betas in
                for (n, e) in entries.enumerated() {
                    // p2 == 0 never keeps the pair; otherwise the pair is kept while α ≤ pairFloor.
                    alphaRank[n] = e.p2 == 0 ? 0 : Int32(firstRank(in: alphas) { e.pairFloor < $0 })
                    betaRank[n] = Int32(firstRank(in: betas) { e.isEven(beta: $0) })
                }
            }
        }
        return (alphaRank, betaRank)
    }

    /// The first position where a predicate that is false…false true…true turns true.
    ///
    /// Branch-free: the loop runs log2(count) times whatever the data, and each step is a
    /// conditional move, since a data-dependent branch here would mispredict half the time.
    @inline(__always)
    private static func firstRank(in sorted: UnsafeBufferPointer<Double>, where turned: (Double) -> Bool) -> Int {
        var base = 0, n = sorted.count
        while n > 1 {
            let half = n / 2
            base = turned(sorted[base + half]) ? base : base + half
            n -= half
        }
        return base + (turned(sorted[base]) ? 0 : 1)
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
        let hits = counts.hits(alphaOrder: alphaOrder, betaOrder: betaOrder)
        return SweepResult(grid: grid, clips: counts.clips, blends: counts.blends,
                           presenceHits: hits.presence, salienceHits: hits.salience)
    }

    /// Every cell of the grid over all clips.
    public func sweep() -> SweepResult { result(counts()) }

    /// Every cell of the grid over the clips at `indices`.
    public func sweep<C: Sequence>(of indices: C) -> SweepResult where C.Element == Int {
        result(counts(of: indices))
    }
}
