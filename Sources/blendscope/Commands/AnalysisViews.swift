import BlendCore
import BlendStore

/// Metrics as `--json` shows them: the accuracies beside the counts they come from.
struct MetricsView: Encodable {
    let accPresence: Double
    let accSalience: Double
    let score: Double
    let clips: Int
    let blends: Int

    init(_ m: Metrics) {
        accPresence = m.accPresence
        accSalience = m.accSalience
        score = m.score
        clips = m.clips
        blends = m.blends
    }
}

/// A grid cell as `--json` shows it: thresholds and metrics side by side.
struct CellView: Encodable {
    let alpha: Double
    let beta: Double
    let accPresence: Double
    let accSalience: Double
    let score: Double
    let clips: Int
    let blends: Int

    init(_ c: SweepCell) {
        alpha = c.thresholds.alpha
        beta = c.thresholds.beta
        accPresence = c.metrics.accPresence
        accSalience = c.metrics.accSalience
        score = c.metrics.score
        clips = c.metrics.clips
        blends = c.metrics.blends
    }
}

/// Loading what every analysis verb starts from.
extension ProjectStore {
    /// The current thresholds with `alpha`/`beta` overriding them where given.
    func thresholds(alpha: Double?, beta: Double?) throws -> Thresholds {
        let current = try settings().thresholds
        return Thresholds(alpha: alpha ?? current.alpha, beta: beta ?? current.beta)
    }
}
