/// The distribution of top-2 margins `|p1 − p2|` of a set of clips: count, quartiles and a
/// histogram of equal-width bins over [0, 1].
public struct MarginDistribution: Hashable, Sendable, Codable {
    public let count: Int
    /// Quartiles with linear interpolation between order statistics (numpy's default); nil
    /// when there are no margins.
    public let lowerQuartile: Double?
    public let median: Double?
    public let upperQuartile: Double?
    /// Bin i counts margins in [i·w, (i+1)·w), w = 1 / bins.count; the last bin also takes 1.
    public let bins: [Int]

    /// NaN margins are left out; margins outside [0, 1] land in the end bins.
    public init(_ margins: [Double], binCount: Int = 20) {
        precondition(binCount >= 1, "at least one bin")
        let sorted = margins.filter { !$0.isNaN }.sorted()
        count = sorted.count
        func quantile(_ q: Double) -> Double? { sorted.isEmpty ? nil : Quantile.linear(sorted, q) }
        lowerQuartile = quantile(0.25)
        median = quantile(0.5)
        upperQuartile = quantile(0.75)
        var bins = [Int](repeating: 0, count: binCount)
        for m in sorted {
            let bin = Int((Swift.max(0, Swift.min(1, m)) * Double(binCount)).rounded(.down))
            bins[Swift.min(bin, binCount - 1)] += 1
        }
        self.bins = bins
    }

    public var binWidth: Double { 1 / Double(bins.count) }
}
