/// The challenge's post-processing from six class probabilities to a label, bit for bit.
///
/// 1. keep the two largest probabilities (ties: the lower class index first);
/// 2. the largest below α: that emotion alone;
/// 3. drop kept classes below α (or exactly 0); one left: it alone;
/// 4. `neu` among the two: the other emotion if its probability ≥ neu's, else `neu`;
/// 5. otherwise `|p_i − p_j| ≤ β` gives 50/50, else 70/30 toward the larger.
public enum DecisionRule {
    /// The indices of the two largest values, larger first, ties to the lower index.
    @inlinable
    public static func topTwo(_ p: UnsafeBufferPointer<Double>) -> (Int, Int) {
        // The values at i1 and i2 ride along so each step compares registers, not reloads;
        // the comparisons are the same Doubles as `p[i1]`, `p[i2]`.
        var i1 = 0, i2 = 1
        var v1 = p[0], v2 = p[1]
        if v2 > v1 { i1 = 1; i2 = 0; swap(&v1, &v2) }
        for k in 2..<Emotion.count {
            let v = p[k]
            if v > v1 {
                i2 = i1; v2 = v1
                i1 = k; v1 = v
            } else if v > v2 {
                i2 = k; v2 = v
            }
        }
        return (i1, i2)
    }

    public static func topTwo(_ p: [Double]) -> (Int, Int) {
        p.withUnsafeBufferPointer { topTwo($0) }
    }

    public static func decide(_ p: [Double], alpha: Double, beta: Double) -> Label {
        precondition(p.count == Emotion.count, "six probabilities expected")
        return p.withUnsafeBufferPointer { decide($0, alpha: alpha, beta: beta) }
    }

    public static func decide(_ p: UnsafeBufferPointer<Double>, alpha: Double, beta: Double) -> Label {
        let (i, j) = topTwo(p)
        return decide(top: i, p[i], second: j, p[j], alpha: alpha, beta: beta)
    }

    /// The rule from the top two alone (`pi ≥ pj`); the sweeps use this with precomputed tops.
    @inlinable
    public static func decide(top i: Int, _ pi: Double, second j: Int, _ pj: Double,
                              alpha: Double, beta: Double) -> Label {
        let ei = Emotion(rawValue: i)!, ej = Emotion(rawValue: j)!
        if pi < alpha { return .single(ei) }
        if pj < alpha || pj == 0 { return .single(ei) }
        if ei == .neu { return pj >= pi ? .single(ej) : .single(.neu) }
        if ej == .neu { return .single(ei) }
        if abs(pi - pj) <= beta { return .blend(ei, 50, ej) }
        return .blend(ei, 70, ej)
    }
}
