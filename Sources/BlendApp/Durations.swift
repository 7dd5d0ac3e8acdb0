import BlendCore

/// Clips binned by video duration.
public struct DurationsOutcome: Sendable {
    public let clips: ScoredClips
    public let report: DurationReport
    /// Each bin's actors resampled at the thresholds, aligned with `report.bins`; nil for an empty bin.
    public let binIntervals: [MetricIntervals?]
    public let unlabelled: Int
}

extension ProjectSession {
    /// `durations`: the selection's clips cut into duration bins at the target's thresholds.
    ///
    /// - Throws: `AppError.emptySelection`, `.noDurations` when no clip has a linked video.
    public func durations(_ target: AnalysisTarget, in selection: ClipSelection = .all, binning: DurationBinning,
                          betas: [Double] = ThresholdGrid.official.betas,
                          settings: BootstrapSettings = .standard) throws -> DurationsOutcome {
        let (clips, left) = try scoredClips(target, in: selection)
        let t = target.thresholds
        let report = try durationReport(clips, binning: binning, thresholds: t, betas: betas, scope: selection.description)
        let index = SweepIndex(clips)
        let intervals = report.bins.map { b in
            b.clips.isEmpty ? nil : index.intervals(at: t, indices: b.clips, settings: settings)
        }
        return DurationsOutcome(clips: clips, report: report, binIntervals: intervals, unlabelled: left)
    }

    /// The duration report of `clips`, or a clear error when none of them has a duration.
    func durationReport(_ clips: ScoredClips, binning: DurationBinning, thresholds: Thresholds, betas: [Double],
                        scope: String) throws -> DurationReport {
        let durations = try store.durations(of: clips.clips)
        guard let report = SweepIndex(clips).durationReport(durations: durations, binning: binning, at: thresholds,
                                                            betas: betas) else {
            throw AppError.noDurations(scope: scope, project: path)
        }
        return report
    }
}
