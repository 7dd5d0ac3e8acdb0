/// Best thresholds, bootstrapped over actors: each replicate redoes the grid search (α outer,
/// β inner, first maximum of Score) on its own counts.
public struct ThresholdBootstrap: Hashable, Sendable, Codable {
    public let settings: BootstrapSettings
    public let actors: Int
    /// The full scope's best cell.
    public let best: SweepCell
    /// ACC_P, ACC_S and Score at the best cell's thresholds, over the replicates.
    public let intervals: MetricIntervals
    /// Percentile intervals of the replicates' α* and β*.
    public let alphaInterval: Interval
    public let betaInterval: Interval
    /// The bootstrap standard error of the Score at the best cell.
    public let scoreStandardError: Double
    /// The lowest and highest β at the best α whose Score is within one standard error of the
    /// best Score.
    public let betaPlateau: Interval
}

extension SweepPlan {
    /// The actor bootstrap of the best thresholds over the clips at `indices` (all when nil).
    public func thresholdBootstrap(indices: [Int]? = nil, settings: BootstrapSettings = .standard) -> ThresholdBootstrap {
        let tables = CellTables(self, indices: indices)
        let na = grid.alphas.count, nb = grid.betas.count
        var acc = [Int32](repeating: 0, count: tables.width)
        let point = acc.withUnsafeMutableBufferPointer { acc in
            let (c, b) = tables.sum(weights: { _ in 1 }, into: acc)
            let best = CellTables.best(acc, clips: c, blends: b, alphaCount: na, betaCount: nb)
            let scores = (0..<nb).map {
                Metrics.score(accPresence: Metrics.share(Int(acc[best.alpha]), of: c),
                              accSalience: Metrics.share(Int(acc[na + best.alpha * nb + $0]), of: b))
            }
            let cell = SweepCell(alphaIndex: best.alpha, betaIndex: best.beta,
                                 thresholds: Thresholds(alpha: grid.alphas[best.alpha], beta: grid.betas[best.beta]),
                                 metrics: Metrics(clips: c, blends: b, presenceHits: Int(acc[best.alpha]),
                                                  salienceHits: Int(acc[na + best.alpha * nb + best.beta])))
            return (cell, scores)
        }
        let cell = point.0
        var alphas = [Double](), betas = [Double]()
        var metrics = MetricReplicates(capacity: settings.replicates)
        acc.withUnsafeMutableBufferPointer { acc in
            Resampling.bootstrap(units: tables.count, replicates: settings.replicates, seed: settings.seed) { _, w in
                let (c, b) = tables.sum(weights: { w[$0] }, into: acc)
                let best = CellTables.best(acc, clips: c, blends: b, alphaCount: na, betaCount: nb)
                alphas.append(grid.alphas[best.alpha])
                betas.append(grid.betas[best.beta])
                metrics.append(Metrics(clips: c, blends: b, presenceHits: Int(acc[cell.alphaIndex]),
                                       salienceHits: Int(acc[na + cell.alphaIndex * nb + cell.betaIndex])))
            }
        }
        let se = Percentile.standardError(metrics.score)
        let top = cell.metrics.score
        let plateau = (0..<nb).filter { point.1[$0] >= top - se }.map { grid.betas[$0] }
        return ThresholdBootstrap(settings: settings, actors: tables.count, best: cell,
                                  intervals: metrics.intervals(settings, units: tables.count),
                                  alphaInterval: Percentile.interval(alphas, level: settings.level),
                                  betaInterval: Percentile.interval(betas, level: settings.level),
                                  scoreStandardError: se,
                                  betaPlateau: Interval(plateau.min() ?? cell.thresholds.beta, plateau.max() ?? cell.thresholds.beta))
    }
}
