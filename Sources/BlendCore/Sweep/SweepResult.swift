/// One grid point and its metrics.
public struct SweepCell: Hashable, Sendable, Codable {
    public let alphaIndex: Int
    public let betaIndex: Int
    public let thresholds: Thresholds
    public let metrics: Metrics
}

/// Metrics on every cell of a grid, with the challenge's choices made from them.
///
/// Presence never depends on β, so it is kept once per α; salience once per cell. A 101×101
/// result is 40 KB rather than a third of a megabyte of ``Metrics``, which matters when a
/// sweep is made per actor.
public struct SweepResult: Hashable, Sendable, Encodable {
    public let grid: ThresholdGrid
    public let clips: Int
    public let blends: Int
    /// Presence hits per α index.
    public let presenceHits: [Int32]
    /// Salience hits, α-major: `salienceHits[a * grid.betas.count + b]`.
    public let salienceHits: [Int32]
    /// The challenge's winner: α outer, β inner, the first cell with the highest Score.
    public let best: SweepCell
    /// The first cell with the highest ACC_P (its value is the challenge's `presence_only`).
    public let bestPresence: SweepCell
    /// The first cell with the highest ACC_S (its value is the challenge's `salience_only`).
    public let bestSalience: SweepCell

    init(grid: ThresholdGrid, clips: Int, blends: Int, presenceHits: [Int32], salienceHits: [Int32]) {
        let width = grid.betas.count
        precondition(presenceHits.count == grid.alphas.count && salienceHits.count == grid.alphas.count * width,
                     "one presence count per α and one salience count per cell expected")
        self.grid = grid
        self.clips = clips
        self.blends = blends
        self.presenceHits = presenceHits
        self.salienceHits = salienceHits
        // A strict `>` keeps the first maximum, as Python's stable descending sort and `max`
        // do. Scores come from the same `Metrics` formulas, so ties fall exactly as there; for
        // ACC_P and ACC_S alone the denominator is shared, so comparing counts is comparing
        // the quotients.
        var best = 0, bestScore = -Double.infinity
        var bestP = 0, bestS = 0
        for a in 0..<grid.alphas.count {
            let accP = Metrics.share(Int(presenceHits[a]), of: clips)
            if presenceHits[a] > presenceHits[bestP / width] { bestP = a * width }
            for b in 0..<width {
                let i = a * width + b
                let score = Metrics.score(accPresence: accP, accSalience: Metrics.share(Int(salienceHits[i]), of: blends))
                if score > bestScore { best = i; bestScore = score }
                if salienceHits[i] > salienceHits[bestS] { bestS = i }
            }
        }
        func cell(_ i: Int) -> SweepCell {
            let a = i / width, b = i % width
            return SweepCell(alphaIndex: a, betaIndex: b, thresholds: Thresholds(alpha: grid.alphas[a], beta: grid.betas[b]),
                             metrics: Metrics(clips: clips, blends: blends, presenceHits: Int(presenceHits[a]),
                                              salienceHits: Int(salienceHits[i])))
        }
        self.best = cell(best)
        self.bestPresence = cell(bestP)
        self.bestSalience = cell(bestS)
    }

    /// A result from per-cell metrics (α-major), as the naive decoder makes them.
    public init(grid: ThresholdGrid, cells: [Metrics]) {
        let width = grid.betas.count
        precondition(cells.count == grid.alphas.count * width, "one cell per grid point expected")
        let first = cells.first!
        precondition(cells.allSatisfy { $0.clips == first.clips && $0.blends == first.blends }, "cells of one clip set expected")
        let presence = (0..<grid.alphas.count).map { Int32(cells[$0 * width].presenceHits) }
        precondition(cells.indices.allSatisfy { cells[$0].presenceHits == Int(presence[$0 / width]) },
                     "presence must not depend on β")
        self.init(grid: grid, clips: first.clips, blends: first.blends, presenceHits: presence,
                  salienceHits: cells.map { Int32($0.salienceHits) })
    }

    public func metrics(alphaIndex a: Int, betaIndex b: Int) -> Metrics {
        Metrics(clips: clips, blends: blends, presenceHits: Int(presenceHits[a]),
                salienceHits: Int(salienceHits[a * grid.betas.count + b]))
    }

    /// The cell at (a, b) with its thresholds.
    public func cell(alphaIndex a: Int, betaIndex b: Int) -> SweepCell {
        SweepCell(alphaIndex: a, betaIndex: b, thresholds: Thresholds(alpha: grid.alphas[a], beta: grid.betas[b]),
                  metrics: metrics(alphaIndex: a, betaIndex: b))
    }

    /// Every cell's metrics, α-major (materialised on each call).
    public var cells: [Metrics] {
        (0..<grid.alphas.count).flatMap { a in (0..<grid.betas.count).map { metrics(alphaIndex: a, betaIndex: $0) } }
    }
}

extension ScoredClips {
    /// Every cell of `grid` by decoding every clip at every cell: the slow reference that
    /// ``SweepPlan`` must reproduce exactly.
    public func naiveSweep(grid: ThresholdGrid) -> SweepResult {
        var cells = [Metrics]()
        cells.reserveCapacity(grid.alphas.count * grid.betas.count)
        for a in grid.alphas {
            for b in grid.betas { cells.append(evaluate(Thresholds(alpha: a, beta: b))) }
        }
        return SweepResult(grid: grid, cells: cells)
    }
}
