import BlendCore

/// The clip pane's wording of `DecisionRule.trace`: the top two emotions, the α gate, the
/// neutral rule, then β against their margin. Only the words live here; which rule decided
/// is the core's.
public struct ClipTrace: Hashable, Sendable {
    public let top: Emotion
    public let topProbability: Double
    public let second: Emotion
    public let secondProbability: Double
    public let prediction: Label
    /// One line per rule the decision passed through, ending with the one that decided.
    public let steps: [String]

    public init(_ p: ArraySlice<Double>, _ t: Thresholds) {
        let trace = DecisionRule.trace(Array(p), alpha: t.alpha, beta: t.beta)
        top = trace.top
        topProbability = trace.topProbability
        second = trace.second
        secondProbability = trace.secondProbability
        prediction = trace.prediction
        // Three digits, so a value just under α does not print as α itself.
        let p1 = Format.fraction(trace.topProbability, digits: 3), p2 = Format.fraction(trace.secondProbability, digits: 3)
        let a = Format.fraction(t.alpha, digits: 2), b = Format.fraction(t.beta, digits: 2)
        let first = "\(trace.top.code) \(p1)", other = "\(trace.second.code) \(p2)"
        var steps = ["top two \(first), \(other)"]
        switch trace.step {
        case .topBelowAlpha:
            steps.append("\(first) < α \(a) → \(prediction.short)")
        case .secondBelowAlpha:
            steps.append("\(other) < α \(a) → \(prediction.short)")
        case .neutralInTopTwo:
            steps.append("both ≥ α \(a)")
            steps.append("neutral in top two → \(prediction.short)")
        case .margin(let even):
            steps.append("both ≥ α \(a)")
            let margin = Format.fraction(trace.margin, digits: 3)
            steps.append("|Δ| \(margin) \(even ? "≤" : ">") β \(b) → \(prediction.short)")
        }
        self.steps = steps
    }

    /// |p1 − p2| of the top two probabilities.
    public static func margin(_ p: ArraySlice<Double>) -> Double {
        DecisionRule.topTwoMargin(Array(p))
    }
}
