import BlendCore
import BlendReport

/// The `ci` object beside point values: `{"level", "replicates", "seed", "actors",
/// "acc_presence": [lo, hi], "acc_salience": [lo, hi], "score": [lo, hi]}`.
struct CIView: Encodable {
    let level: Double
    let replicates: Int
    let seed: UInt64
    /// What each replicate draws: the scope's actors (or one actor's clips).
    let resampled: String
    let units: Int
    let accPresence: Interval
    let accSalience: Interval
    let score: Interval

    init(_ m: MetricIntervals, resampling: String = "actors") {
        level = m.settings.level
        replicates = m.settings.replicates
        seed = m.settings.seed
        resampled = resampling
        units = m.units
        accPresence = m.accPresence
        accSalience = m.accSalience
        score = m.score
    }
}

/// `{"ci": …}`, to sit in a ``Flat`` beside the point values.
struct CIField: Encodable {
    let ci: CIView
}

extension Output {
    /// `.207 [.188, .226]`.
    static func rateCI(_ x: Double, _ interval: Interval?) -> String { ReportText.rate(x, interval) }

    /// `0.0974 [0.0500, 0.1447]`.
    static func thresholdCI(_ x: Double, _ interval: Interval) -> String { ReportText.threshold(x, interval) }

    /// `95% intervals: 2,000 actor-bootstrap replicates over 58 actors, seed 1`.
    static func intervalNote(_ m: MetricIntervals, units: String = "actors") -> String {
        "\(percent(m.settings.level)) intervals: \(m.settings.replicates) bootstrap replicates over \(m.units) \(units), seed \(m.settings.seed)"
    }

    static func percent(_ level: Double) -> String { ReportText.percent(level) }
}
