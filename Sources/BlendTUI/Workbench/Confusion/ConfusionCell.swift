import BlendCore

/// One cell of the presence confusion table as a Clips filter: the clips of `scope` whose
/// label set is `truth` and whose prediction at the current α/β has the set `predicted`.
/// The prediction is re-decided at whatever α/β the Clips table is built at, so the filter
/// follows the thresholds as the confusion table does.
public struct ConfusionCell: Hashable, Sendable {
    public var truth: LabelSet
    public var predicted: LabelSet
    public var scope: ClipScope

    public init(truth: LabelSet, predicted: LabelSet, scope: ClipScope = .all) {
        self.truth = truth
        self.predicted = predicted
        self.scope = scope
    }

    /// Whether clip `index` of `scored` falls in this cell at `thresholds`.
    public func admits(_ index: Int, in scored: ScoredClips, at thresholds: Thresholds) -> Bool {
        let clip = scored.clips[index]
        return scope.contains(clip) && LabelSet(clip.label) == truth
            && LabelSet(scored.prediction(of: index, thresholds)) == predicted
    }

    /// `ang → ang+hap` plus the scope unless it is every clip.
    public var title: String {
        "\(truth) → \(predicted)" + (scope == .all ? "" : " (\(scope))")
    }

}
