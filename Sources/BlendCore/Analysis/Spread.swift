/// Where a handful of values lie: extremes, mean and (population) standard deviation.
public struct Spread: Hashable, Sendable, Codable {
    public let min: Double
    public let max: Double
    public let mean: Double
    /// Divides by n, not n − 1: these are all the folds there are, not a sample of them.
    public let standardDeviation: Double

    /// Nil for no values.
    public init?(_ values: [Double]) {
        guard let lo = values.min(), let hi = values.max() else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        min = lo
        max = hi
        self.mean = mean
        standardDeviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
    }

    public var range: Double { max - min }
}
