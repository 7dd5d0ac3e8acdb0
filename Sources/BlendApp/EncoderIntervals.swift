import BlendCore

extension ProjectSession {
    /// One encoder's intervals at `thresholds` (its own best, held fixed) over the training
    /// split, its actors resampled: one row of `intervals(of:settings:)`, for a caller (the
    /// workbench's Overview) that caches them per encoder and asks only for the ones it lacks.
    ///
    /// - Throws: the store's refusal for an unknown encoder.
    public func intervalsAtOwnBest(encoder name: String, at thresholds: Thresholds,
                                   settings: BootstrapSettings = .standard) throws -> MetricIntervals {
        let train = try store.scoredClips(encoder: name).filter { $0.split == .train }
        return SweepIndex(train).intervals(at: thresholds, settings: settings)
    }
}
