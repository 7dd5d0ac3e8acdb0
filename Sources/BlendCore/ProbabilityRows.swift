/// Clips with one source's class probabilities, row-major N×6, labelled (`ScoredClips`) or not
/// (`UnlabelledScores`): both read a clip's row and decode it the same way.
public protocol ProbabilityRows {
    var probabilities: [Double] { get }
}

extension ProbabilityRows {
    public func probabilities(of index: Int) -> ArraySlice<Double> {
        probabilities[(index * Emotion.count)..<((index + 1) * Emotion.count)]
    }

    /// The challenge's decision for clip `index`.
    public func prediction(of index: Int, _ t: Thresholds) -> Label {
        probabilities.withUnsafeBufferPointer { buf in
            DecisionRule.decide(UnsafeBufferPointer(rebasing: buf[(index * 6)..<(index * 6 + 6)]),
                                alpha: t.alpha, beta: t.beta)
        }
    }
}
