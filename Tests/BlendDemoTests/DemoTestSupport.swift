@testable import BlendDemo
@testable import BlendCore

/// The default demo, generated once for all demo tests.
let defaultDemo = DemoGenerator().generate()

/// The challenge's own search, naively: every cell of `grid` decoded with
/// `ScoredClips.evaluate`, α outer and β inner, the first maximum of Score wins.
func bestOnGrid(_ scored: ScoredClips, _ grid: ThresholdGrid = .official) -> (thresholds: Thresholds, metrics: Metrics) {
    var best = (thresholds: Thresholds(alpha: grid.alphas[0], beta: grid.betas[0]), metrics: Metrics())
    var bestScore = -1.0
    for alpha in grid.alphas {
        for beta in grid.betas {
            let t = Thresholds(alpha: alpha, beta: beta)
            let m = scored.evaluate(t)
            if m.score > bestScore {
                bestScore = m.score
                best = (t, m)
            }
        }
    }
    return best
}

/// Equal-weight late fusion of the given encoders' probabilities over `clips`' rows.
func equalFusion(_ demo: DemoDataset, encoders: [Int]) -> ScoredClips {
    var fused = [Double](repeating: 0, count: demo.clips.count * Emotion.count)
    let weight = 1 / Double(encoders.count)
    for e in encoders {
        for (i, p) in demo.probabilities(encoder: e).enumerated() { fused[i] += weight * p }
    }
    return ScoredClips(clips: demo.clipInfos, probabilities: fused)
}
