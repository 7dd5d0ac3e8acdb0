import Foundation

/// McNemar's exact test: under "A and B are equally often right", each discordant clip is a
/// fair coin; the two-sided p doubles the smaller binomial tail, capped at 1.
public enum McNemar {
    public static func exactP(onlyA b: Int, onlyB c: Int) -> Double {
        let n = b + c
        guard n > 0 else { return 1 }
        let k = min(b, c)
        // Σ_{i ≤ k} C(n, i) / 2^n, summed in logs so n in the thousands does not overflow.
        let logHalf = Double(n) * log(0.5)
        var tail = 0.0
        for i in 0...k {
            tail += exp(lgamma(Double(n + 1)) - lgamma(Double(i + 1)) - lgamma(Double(n - i + 1)) + logHalf)
        }
        return min(1, 2 * tail)
    }
}
