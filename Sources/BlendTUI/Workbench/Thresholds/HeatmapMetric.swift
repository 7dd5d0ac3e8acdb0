import BlendCore

/// Which metric the Thresholds heatmap colours.
public enum HeatmapMetric: Int, CaseIterable, Hashable, Sendable {
    case score, presence, salience

    public var title: String {
        switch self {
        case .score: "Score"
        case .presence: "ACC_P"
        case .salience: "ACC_S"
        }
    }

    public func value(_ metrics: Metrics) -> Double {
        switch self {
        case .score: metrics.score
        case .presence: metrics.accPresence
        case .salience: metrics.accSalience
        }
    }

    /// The sweep's best cell for this metric (its tie rule, not a second one).
    public func best(in sweep: SweepResult) -> SweepCell {
        switch self {
        case .score: sweep.best
        case .presence: sweep.bestPresence
        case .salience: sweep.bestSalience
        }
    }

    /// The next metric, wrapping around.
    public var next: HeatmapMetric { HeatmapMetric(rawValue: (rawValue + 1) % HeatmapMetric.allCases.count)! }
}
