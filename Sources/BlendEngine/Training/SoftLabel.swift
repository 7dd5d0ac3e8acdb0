import BlendCore

/// The training target of a label: its saliences as a distribution over the six classes,
/// `[0.7, 0, 0.3, 0, 0, 0]` for a 70/30 ang–fea blend, one-hot for a single emotion.
public enum SoftLabel {
    /// The six target probabilities of one label, in class order.
    public static func distribution(of label: Label) -> [Float] {
        var t = [Float](repeating: 0, count: Emotion.count)
        t[label.first.rawValue] = Float(label.firstSalience) / 100
        if let second = label.second { t[second.rawValue] = Float(label.secondSalience) / 100 }
        return t
    }

    /// Row-major N × 6 targets for `labels`.
    public static func matrix(_ labels: [Label]) -> [Float] {
        labels.flatMap(distribution(of:))
    }
}
