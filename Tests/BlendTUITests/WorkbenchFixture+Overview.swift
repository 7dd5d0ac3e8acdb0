import BlendCore
@testable import BlendTUI

extension WorkbenchFixture {
    /// Few draws: the Overview only shows the intervals (the bootstrap's own tests check them).
    static let overviewSettings = BootstrapSettings(replicates: 200)

    /// The interval the Overview's summary asks for at `thresholds`, as its effect computes it.
    static func overviewCurrent(_ thresholds: Thresholds) -> (OverviewIntervalKey, OverviewIntervals) {
        let key = OverviewIntervalKey(source: .encoder("synthetic"), thresholds: thresholds, content: project.contentDigest, scope: .all)
        return (key, .metrics(project.index!.intervals(at: thresholds, settings: overviewSettings)))
    }

    /// The folds pane's intervals.
    static var overviewFolds: (OverviewIntervalKey, OverviewIntervals) {
        let index = project.index!
        let key = OverviewIntervalKey(source: .encoder("synthetic"), thresholds: nil, content: project.contentDigest, scope: .folds)
        return (key, .folds(index.foldIntervals(index.plan(.official).foldReport()!, settings: overviewSettings)))
    }

    /// An encoder's intervals at its own best over the training split (`intervalsAtOwnBest`'s
    /// computation on the fixture's clips).
    static func overviewEncoder(_ e: EncoderBest) -> (OverviewIntervalKey, OverviewIntervals) {
        let train = SweepIndex(scored.filter { $0.split == .train })
        return (e.intervalKey, .metrics(train.intervals(at: e.best.thresholds, settings: overviewSettings)))
    }

    /// Delivers every interval the Overview shows, as its effects would.
    static func loadOverviewIntervals(_ state: inout WorkbenchState) {
        send(&state, .overview(.computed([overviewCurrent(state.thresholds), overviewFolds] + encoderBests.map(overviewEncoder))))
    }
}
