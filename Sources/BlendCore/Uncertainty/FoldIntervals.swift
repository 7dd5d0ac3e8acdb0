/// Intervals of a ``FoldReport``: each fold's actors resampled within the fold, at the fold's
/// own best cell and at the thresholds chosen on the other folds. Thresholds are held fixed:
/// a replicate does not redo the choice.
public struct FoldIntervals: Hashable, Sendable, Codable {
    public let settings: BootstrapSettings
    /// In the report's fold order.
    public let own: [MetricIntervals]
    public let honest: [MetricIntervals]
    /// The unweighted mean of the folds' honest Scores, replicate by replicate.
    public let honestScore: Interval
}

extension SweepIndex {
    /// The intervals of `report`, a fold report of this index's clips.
    public func foldIntervals(_ report: FoldReport, settings: BootstrapSettings = .standard) -> FoldIntervals {
        var own = [MetricIntervals](), honest = [MetricIntervals]()
        var mean = [Double](repeating: 0, count: settings.replicates)
        for f in report.folds {
            let members = clips.indices.filter { clips[$0].fold == f.fold }
            own.append(intervals(at: f.own.thresholds, indices: members, settings: settings))
            let units = ResamplingUnits.actors(self, at: f.chosenOnOthers.thresholds, indices: members)
            var replicates = MetricReplicates(capacity: settings.replicates)
            Resampling.bootstrap(units: units.count, replicates: settings.replicates, seed: settings.seed) { r, w in
                let m = units.replicate(w)
                replicates.append(m)
                mean[r] += m.score / Double(report.folds.count)
            }
            honest.append(replicates.intervals(settings, units: units.count))
        }
        return FoldIntervals(settings: settings, own: own, honest: honest,
                             honestScore: Percentile.interval(mean, level: settings.level))
    }
}
