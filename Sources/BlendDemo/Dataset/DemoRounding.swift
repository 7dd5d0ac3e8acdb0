import BlendCore

/// Probabilities as the demo ships them: 6 decimals, every row summing to exactly 1.
enum DemoRounding {
    static let unitsPerOne = 1_000_000

    /// Softmax of one row of logits, in millionths that add up to exactly 1,000,000: floor every
    /// share, then hand the missing millionths to the largest remainders (ties to the lower
    /// class), so the written row sums to 1 and no value moves by more than one millionth.
    static func micro(softmaxOf logits: ArraySlice<Double>) -> [Int32] {
        let top = logits.max()!
        let weights = logits.map { DemoMath.exponential($0 - top) }
        let total = weights.reduce(0, +)
        var units = [Int32](repeating: 0, count: weights.count)
        var remainders = [Double](repeating: 0, count: weights.count)
        var assigned = 0
        for k in weights.indices {
            let exact = weights[k] / total * Double(unitsPerOne)
            let whole = exact.rounded(.down)
            units[k] = Int32(whole)
            remainders[k] = exact - whole
            assigned += Int(whole)
        }
        let order = weights.indices.sorted { remainders[$0] > remainders[$1] || (remainders[$0] == remainders[$1] && $0 < $1) }
        for k in order.prefix(unitsPerOne - assigned) { units[k] += 1 }
        return units
    }

    /// `0.123456` for 123456 millionths.
    static func decimal(_ units: Int32) -> String {
        let whole = Int(units) / unitsPerOne, fraction = Int(units) % unitsPerOne
        let digits = String(fraction)
        return "\(whole)." + String(repeating: "0", count: 6 - digits.count) + digits
    }
}
