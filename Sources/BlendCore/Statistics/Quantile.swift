/// Quantiles of sorted values with linear interpolation between order statistics (numpy's
/// default): the one median and quartile rule of the margin distributions, the duration
/// spreads and the duration bins.
public enum Quantile {
    /// The `q`-quantile (0…1) of `sorted`, which must be ascending and not empty.
    public static func linear(_ sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "a quantile of nothing")
        let h = Double(sorted.count - 1) * q
        let lo = Int(h.rounded(.down))
        let hi = Swift.min(lo + 1, sorted.count - 1)
        return sorted[lo] + (h - Double(lo)) * (sorted[hi] - sorted[lo])
    }

    /// The median of `values` in any order; nil when there are none.
    public static func median(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : linear(values.sorted(), 0.5)
    }
}
