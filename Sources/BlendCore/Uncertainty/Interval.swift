/// A closed interval `[lo, hi]`; JSON shows it as a two-element array.
public struct Interval: Hashable, Sendable, Codable {
    public let lo: Double
    public let hi: Double

    public init(_ lo: Double, _ hi: Double) {
        self.lo = lo
        self.hi = hi
    }

    public func contains(_ x: Double) -> Bool { lo <= x && x <= hi }

    public init(from decoder: Decoder) throws {
        var c = try decoder.unkeyedContainer()
        lo = try c.decode(Double.self)
        hi = try c.decode(Double.self)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(lo)
        try c.encode(hi)
    }
}

/// Percentiles as numpy's default `quantile` (method "linear") computes them, operation for
/// operation, so a script reading the same replicates gets the same bits.
public enum Percentile {
    /// The q-quantile of ascending `sorted` values: virtual index `(n − 1)·q`, then numpy's
    /// `_lerp` (from the upper neighbour when the weight is at least ½).
    public static func quantile(sorted: [Double], _ q: Double) -> Double {
        precondition(!sorted.isEmpty, "no values")
        let n = sorted.count
        let virtual = Double(n - 1) * q
        if virtual >= Double(n - 1) { return sorted[n - 1] }
        if virtual < 0 { return sorted[0] }
        let below = virtual.rounded(.down)
        let i = Int(below)
        let gamma = virtual - below
        let a = sorted[i], b = sorted[i + 1]
        let diff = b - a
        return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
    }

    /// The percentile interval of `values` at `level`.
    public static func interval(_ values: [Double], level: Double) -> Interval {
        let sorted = values.sorted()
        return Interval(quantile(sorted: sorted, (1 - level) / 2), quantile(sorted: sorted, (1 + level) / 2))
    }

    /// Mean and sample standard deviation (n − 1), 0 for a single value.
    public static func standardError(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (ss / Double(values.count - 1)).squareRoot()
    }
}
