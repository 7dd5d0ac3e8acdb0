import BlendCore

/// How the decision rule reached one clip's prediction, step by step, for the clip pane:
/// the top two emotions, the α gate, the neutral rule, then β against their margin.
public struct ClipTrace: Hashable, Sendable {
    public let top: Emotion
    public let topProbability: Double
    public let second: Emotion
    public let secondProbability: Double
    public let prediction: Label
    /// One line per rule the decision passed through, ending with the one that decided.
    public let steps: [String]

    /// Follows `DecisionRule.decide(top:_:second:_:alpha:beta:)` so the trace and the
    /// prediction cannot disagree (the prediction is the rule's own result).
    public init(_ p: ArraySlice<Double>, _ t: Thresholds) {
        let row = Array(p)
        let (i, j) = DecisionRule.topTwo(row)
        let ei = Emotion(rawValue: i)!, ej = Emotion(rawValue: j)!
        top = ei
        topProbability = row[i]
        second = ej
        secondProbability = row[j]
        prediction = DecisionRule.decide(top: i, row[i], second: j, row[j], alpha: t.alpha, beta: t.beta)
        // Three digits, so a value just under α does not print as α itself.
        let p1 = Format.fraction(row[i], digits: 3), p2 = Format.fraction(row[j], digits: 3)
        let a = Format.fraction(t.alpha, digits: 2), b = Format.fraction(t.beta, digits: 2)
        let margin = Format.fraction(abs(row[i] - row[j]), digits: 3)
        var steps = ["top two \(ei.code) \(p1), \(ej.code) \(p2)"]
        if row[i] < t.alpha || row[j] < t.alpha || row[j] == 0 {
            let low = row[i] < t.alpha ? "\(ei.code) \(p1)" : "\(ej.code) \(p2)"
            steps.append("\(low) < α \(a) → \(prediction.short)")
        } else if ei == .neu || ej == .neu {
            steps.append("both ≥ α \(a)")
            steps.append("neutral in top two → \(prediction.short)")
        } else {
            steps.append("both ≥ α \(a)")
            let even = abs(row[i] - row[j]) <= t.beta
            steps.append("|Δ| \(margin) \(even ? "≤" : ">") β \(b) → \(prediction.short)")
        }
        self.steps = steps
    }

    /// |p1 − p2| of the top two probabilities.
    public static func margin(_ p: ArraySlice<Double>) -> Double {
        let row = Array(p)
        let (i, j) = DecisionRule.topTwo(row)
        return abs(row[i] - row[j])
    }
}
