import BlendCore

extension Output {
    /// The line under a fusion's table that says what its intervals are.
    static func fusionIntervalNote(_ f: FusionIntervals) -> String {
        intervalNote(f.honest) + "; honest: the nested decisions pooled (Score \(rate(f.honestPooled.score))), "
            + "weights and α/β held as chosen; in-sample: at the fusion's weights and α/β"
            + (f.test.map { "; test: the same, over its \($0.units) actors" } ?? "")
    }

    /// `ACC_P .500 [.47, .53]  ACC_S …  Score …`.
    static func metricsCI(_ m: Metrics, _ ci: MetricIntervals?) -> String {
        "ACC_P \(rateCI(m.accPresence, ci?.accPresence))  ACC_S \(rateCI(m.accSalience, ci?.accSalience))  "
            + "Score \(rateCI(m.score, ci?.score))"
    }
}
