/// How the decision rule reached one row's label: the top two emotions and the rule step that
/// decided. The clip pane prints it; the step is found by the same checks, in the same order,
/// as `DecisionRule.decide(top:_:second:_:alpha:beta:)`, and the label is that function's own
/// result, so a trace and a prediction cannot disagree (`DecisionTraceTests` checks every step).
public struct DecisionTrace: Hashable, Sendable {
    /// The rule step that decided (the numbers follow `DecisionRule`'s documentation).
    public enum Step: Hashable, Sendable {
        /// 2: the largest probability is below α.
        case topBelowAlpha
        /// 3: the second is below α or exactly 0.
        case secondBelowAlpha
        /// 4: neutral is one of the two.
        case neutralInTopTwo
        /// 5: `|p1 − p2| ≤ β` (even, 50/50) or not (70/30).
        case margin(even: Bool)
    }

    public let top: Emotion
    public let topProbability: Double
    public let second: Emotion
    public let secondProbability: Double
    public let step: Step
    public let prediction: Label

    /// |p1 − p2|, the margin β is compared with.
    public var margin: Double { abs(topProbability - secondProbability) }
}

extension DecisionRule {
    /// The trace of `p` (six probabilities in class order) at α/β.
    public static func trace(_ p: [Double], alpha: Double, beta: Double) -> DecisionTrace {
        precondition(p.count == Emotion.count, "six probabilities expected")
        let (i, j) = topTwo(p)
        let pi = p[i], pj = p[j]
        // `topTwo` returns indices below `Emotion.count`, so both exist.
        let ei = Emotion.allCases[i], ej = Emotion.allCases[j]
        let step: DecisionTrace.Step
        if pi < alpha {
            step = .topBelowAlpha
        } else if pj < alpha || pj == 0 {
            step = .secondBelowAlpha
        } else if ei == .neu || ej == .neu {
            step = .neutralInTopTwo
        } else {
            step = .margin(even: abs(pi - pj) <= beta)
        }
        return DecisionTrace(top: ei, topProbability: pi, second: ej, secondProbability: pj, step: step,
                             prediction: decide(top: i, pi, second: j, pj, alpha: alpha, beta: beta))
    }

    /// |p1 − p2| of the two largest of `p`'s six probabilities.
    public static func topTwoMargin(_ p: [Double]) -> Double {
        let (i, j) = topTwo(p)
        return abs(p[i] - p[j])
    }
}
