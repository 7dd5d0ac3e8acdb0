/// Per-column standardisation `(x − mean) / std` fitted on chosen rows, like scikit-learn's
/// `StandardScaler`: population standard deviation, and a column with no spread is only
/// centred (its scale is 1). Statistics are computed in Double.
public struct Standardiser: Sendable, Codable, Equatable {
    /// Per-column mean of the fitted rows.
    public let mean: [Double]
    /// Per-column population standard deviation of the fitted rows (1 where it is 0).
    public let scale: [Double]

    public init(mean: [Double], scale: [Double]) {
        precondition(mean.count == scale.count, "one mean and one scale per column")
        self.mean = mean
        self.scale = scale
    }

    public var columns: Int { mean.count }

    /// Fits on `rows` of `features` (row-major, `columns` wide).
    public init(fitting features: [Float], columns: Int, rows: [Int]) {
        precondition(!rows.isEmpty, "cannot standardise on no rows")
        var sum = [Double](repeating: 0, count: columns)
        var squares = [Double](repeating: 0, count: columns)
        let n = Double(rows.count)
        features.withUnsafeBufferPointer { x in
            sum.withUnsafeMutableBufferPointer { s in
                for r in rows {
                    let row = x.baseAddress! + r * columns
                    for j in 0..<columns { s[j] += Double(row[j]) }
                }
                for j in 0..<columns { s[j] /= n }
                squares.withUnsafeMutableBufferPointer { q in
                    for r in rows {
                        let row = x.baseAddress! + r * columns
                        for j in 0..<columns {
                            let d = Double(row[j]) - s[j]
                            q[j] += d * d
                        }
                    }
                }
            }
        }
        mean = sum
        scale = squares.map { q in
            let std = (q / n).squareRoot()
            return std > 0 ? std : 1
        }
    }

    /// The standardised `rows` of `features`, packed row after row.
    public func apply(to features: [Float], rows: [Int]) -> [Float] {
        let columns = self.columns
        var out = [Float](repeating: 0, count: rows.count * columns)
        let inverse = scale.map { 1 / $0 }
        features.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { y in
                mean.withUnsafeBufferPointer { mu in
                    inverse.withUnsafeBufferPointer { inv in
                        for (k, r) in rows.enumerated() {
                            let src = x.baseAddress! + r * columns, dst = y.baseAddress! + k * columns
                            for j in 0..<columns { dst[j] = Float((Double(src[j]) - mu[j]) * inv[j]) }
                        }
                    }
                }
            }
        }
        return out
    }
}
