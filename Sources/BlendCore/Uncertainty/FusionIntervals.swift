/// Intervals of a fusion's figures, by the actor bootstrap like every other rate.
///
/// The honest (nested) Score is a mean over folds of figures whose weights and thresholds were
/// chosen on the other folds; re-running that choice in every replicate would cost a fusion
/// search per replicate. Its interval instead resamples actors over the pooled nested
/// decisions: each fold's clips fused with the weights and decoded at the thresholds chosen
/// without that fold, the clips' counts summed per actor, actors drawn with replacement. The
/// choice is held fixed (as `folds` holds each fold's thresholds fixed), so the interval says
/// how much the held-out figure moves with the actors, not how much the choice would.
public struct FusionIntervals: Sendable, Hashable, Encodable {
    /// The pooled nested decisions' counts (their Score is close to, not equal to, the mean
    /// over folds the reports print) and their interval.
    public let honestPooled: Metrics
    public let honest: MetricIntervals
    /// All training clips at the fusion's weights and thresholds (the in-sample figure).
    public let inSample: MetricIntervals
    /// The test split at the same weights and thresholds, when it has clips.
    public let test: MetricIntervals?
}

extension FusionInputs {
    /// The actor bootstrap of the nested decisions: fold `heldOut[i].fold`'s clips fused with
    /// `heldOut[i].weights` and decoded at `heldOut[i].thresholds`.
    public func heldOutIntervals(_ heldOut: [(fold: Int, weights: [Double], thresholds: Thresholds)],
                                 settings: BootstrapSettings = .standard) -> (pooled: Metrics, intervals: MetricIntervals) {
        var byActor = [String: Metrics]()
        for h in heldOut {
            let index = SweepIndex(filter { $0.fold == h.fold }.fused(weights: h.weights).scored)
            for group in ResamplingUnits.actorGroups(index.clips) {
                byActor[group.actor, default: Metrics()] = byActor[group.actor, default: Metrics()]
                    + index.metrics(at: h.thresholds, of: group.members)
            }
        }
        let actors = byActor.keys.sorted()
        let units = ResamplingUnits(names: actors, metrics: actors.map { byActor[$0] ?? Metrics() })
        return (units.total, units.bootstrap(settings))
    }

    /// The actor bootstrap of the clips `keep` selects, fused with `weights`, at `thresholds`;
    /// nil when none is left.
    public func intervals(weights: [Double], at thresholds: Thresholds, settings: BootstrapSettings = .standard,
                          where keep: (ClipInfo) -> Bool) -> MetricIntervals? {
        let scored = filter(keep).fused(weights: weights).scored
        guard !scored.clips.isEmpty else { return nil }
        return SweepIndex(scored).intervals(at: thresholds, settings: settings)
    }

    /// A fusion report's intervals (its folds' held-out weights and thresholds).
    public func intervals(of report: FusionReport, settings: BootstrapSettings = .standard) -> FusionIntervals? {
        fusionIntervals(weights: report.weights, thresholds: report.thresholds,
                        heldOut: report.folds.map { ($0.fold, $0.heldOutWeights, $0.heldOutThresholds) }, settings: settings)
    }

    /// Fixed weights' intervals (the thresholds alone are nested).
    public func intervals(of report: FixedWeightsReport, settings: BootstrapSettings = .standard) -> FusionIntervals? {
        fusionIntervals(weights: report.weights, thresholds: report.thresholds,
                        heldOut: Self.heldOut(of: report), settings: settings)
    }

    /// Only the nested figure of fixed weights (α/β chosen on the other folds): the `honest`
    /// part of `intervals(of:)`, without the in-sample and test bootstraps.
    public func heldOutIntervals(of report: FixedWeightsReport,
                                 settings: BootstrapSettings = .standard) -> (pooled: Metrics, intervals: MetricIntervals) {
        heldOutIntervals(Self.heldOut(of: report), settings: settings)
    }

    private static func heldOut(of report: FixedWeightsReport) -> [(fold: Int, weights: [Double], thresholds: Thresholds)] {
        report.assessment.heldOut.map { ($0.fold, report.weights, $0.thresholds) }
    }

    private func fusionIntervals(weights: [Double], thresholds: Thresholds,
                                 heldOut: [(fold: Int, weights: [Double], thresholds: Thresholds)],
                                 settings: BootstrapSettings) -> FusionIntervals? {
        guard let inSample = intervals(weights: weights, at: thresholds, settings: settings, where: { $0.fold != nil })
        else { return nil }
        let honest = heldOutIntervals(heldOut, settings: settings)
        return FusionIntervals(honestPooled: honest.pooled, honest: honest.intervals, inSample: inSample,
                               test: intervals(weights: weights, at: thresholds, settings: settings) { $0.split == .test })
    }
}
