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

/// The intervals of a fusion's figures as `fuse --json` and `weights --json` show them, beside
/// their other keys in a ``Flat``.
struct FusionIntervalsView: Encodable {
    /// Unlabelled test clips of the project, never fused into a figure (absent when none).
    let unlabelled: Int?
    /// The pooled nested decisions' counts and interval, and the in-sample and test
    /// intervals (`FusionIntervals`); absent without training clips.
    let honestPooled: MetricsView?
    let honestCi: CIView?
    let inSampleCi: CIView?
    let testCi: CIView?

    init(_ f: FusionIntervals?, unlabelled: Int) {
        self.unlabelled = Output.unlabelledField(unlabelled)
        honestPooled = f.map { MetricsView($0.honestPooled) }
        honestCi = f.map { CIView($0.honest) }
        inSampleCi = f.map { CIView($0.inSample) }
        testCi = f?.test.map { CIView($0) }
    }
}
