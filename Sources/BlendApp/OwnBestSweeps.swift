import BlendCore
import Foundation

/// Each source's sweep of the official grid over its training clips (its own best), kept for
/// the session: the workbench's Overview (encoders at their own best), its source picker and
/// `thresholds(for:)` share one answer instead of sweeping again. An entry is used only for
/// the very training clips and probabilities it was swept on, so a re-import or a re-saved
/// fusion is swept afresh; a second asker of a source being swept waits for the first.
final class OwnBestSweeps: @unchecked Sendable {
    // Guarded by `condition` (effects ask from many tasks).
    private let condition = NSCondition()
    private var entries: [SourceRef: (train: ScoredClips, result: SweepResult)] = [:]
    private var sweeping: Set<SourceRef> = []
    /// How many sweeps were made (tests: a kept one is not made again).
    private(set) var made = 0

    /// The sweep of `train`, the training clips of `source`: the kept one when it was made on
    /// the same clips and probabilities, else a new one (kept).
    func result(for source: SourceRef, train: ScoredClips) -> SweepResult {
        condition.lock()
        while sweeping.contains(source) { condition.wait() }
        if let kept = entries[source], kept.train.clips == train.clips, kept.train.probabilities == train.probabilities {
            condition.unlock()
            return kept.result
        }
        sweeping.insert(source)
        condition.unlock()
        let result = SweepIndex(train).sweep(grid: .official)
        condition.lock()
        entries[source] = (train, result)
        made += 1
        sweeping.remove(source)
        condition.broadcast()
        condition.unlock()
        return result
    }
}
