/// One grid point and its metrics.
public struct SweepCell: Hashable, Sendable, Codable {
    public let alphaIndex: Int
    public let betaIndex: Int
    public let thresholds: Thresholds
    public let metrics: Metrics

    public init(alphaIndex: Int, betaIndex: Int, thresholds: Thresholds, metrics: Metrics) {
        self.alphaIndex = alphaIndex
        self.betaIndex = betaIndex
        self.thresholds = thresholds
        self.metrics = metrics
    }
}

/// Metrics on every cell of a grid, with the challenge's choices made from them.
public struct SweepResult: Hashable, Sendable {
    public let grid: ThresholdGrid
    /// α-major: `cells[a * grid.betas.count + b]`.
    public let cells: [Metrics]
    /// The challenge's winner: α outer, β inner, the first cell with the highest Score.
    public let best: SweepCell
    /// The first cell with the highest ACC_P (its value is the challenge's `presence_only`).
    public let bestPresence: SweepCell
    /// The first cell with the highest ACC_S (its value is the challenge's `salience_only`).
    public let bestSalience: SweepCell

    public init(grid: ThresholdGrid, cells: [Metrics]) {
        precondition(cells.count == grid.alphas.count * grid.betas.count, "one cell per grid point expected")
        self.grid = grid
        self.cells = cells
        // A strict `>` keeps the first maximum, as Python's stable descending sort and `max` do.
        var best = 0, bestP = 0, bestS = 0
        for i in cells.indices.dropFirst() {
            if cells[i].score > cells[best].score { best = i }
            if cells[i].accPresence > cells[bestP].accPresence { bestP = i }
            if cells[i].accSalience > cells[bestS].accSalience { bestS = i }
        }
        func cell(_ i: Int) -> SweepCell {
            let a = i / grid.betas.count, b = i % grid.betas.count
            return SweepCell(alphaIndex: a, betaIndex: b,
                             thresholds: Thresholds(alpha: grid.alphas[a], beta: grid.betas[b]), metrics: cells[i])
        }
        self.best = cell(best)
        self.bestPresence = cell(bestP)
        self.bestSalience = cell(bestS)
    }

    public func metrics(alphaIndex a: Int, betaIndex b: Int) -> Metrics { cells[a * grid.betas.count + b] }

    /// The cell at (a, b) with its thresholds.
    public func cell(alphaIndex a: Int, betaIndex b: Int) -> SweepCell {
        SweepCell(alphaIndex: a, betaIndex: b, thresholds: Thresholds(alpha: grid.alphas[a], beta: grid.betas[b]),
                  metrics: metrics(alphaIndex: a, betaIndex: b))
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
