/// The α and β values a sweep visits: α outer, β inner, first maximum wins.
public struct ThresholdGrid: Hashable, Sendable, Encodable {
    public let alphas: [Double]
    public let betas: [Double]

    public init(alphas: [Double], betas: [Double]) {
        precondition(!alphas.isEmpty && !betas.isEmpty, "a grid needs at least one α and one β")
        // Sweeps sort the values; NaN has no place in an order.
        precondition(!alphas.contains(where: \.isNaN) && !betas.contains(where: \.isNaN), "grid values must not be NaN")
        self.alphas = alphas
        self.betas = betas
    }

    /// `numpy.linspace(start, stop, count)`, reproduced operation for operation so that the
    /// grid points are the challenge's to the last bit: `start + i·step`, the last one `stop`.
    public static func linspace(_ start: Double, _ stop: Double, _ count: Int) -> [Double] {
        precondition(count >= 1)
        guard count > 1 else { return [start] }
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// The challenge's search: `linspace(0.05, 0.95, 20)` for both α and β.
    public static let official = ThresholdGrid(alphas: linspace(0.05, 0.95, 20), betas: linspace(0.05, 0.95, 20))

    /// A regular grid from 0 to 1 inclusive in steps of `step` (e.g. 0.01 gives 101×101).
    public static func regular(step: Double) -> ThresholdGrid {
        precondition(step > 0 && step <= 1, "step must lie in (0, 1]")
        let n = Int((1.0 / step).rounded()) + 1
        let values = linspace(0, 1, n)
        return ThresholdGrid(alphas: values, betas: values)
    }

    /// The cell `t` falls in: the nearest α and the nearest β of the grid (the first on a tie),
    /// as indices. A heatmap's cells reach halfway to their neighbours, so this is the cell
    /// drawn under `t`; the workbench's heatmap and every heatmap figure mark it (one rule).
    public func cell(containing t: Thresholds) -> (alpha: Int, beta: Int) {
        (Self.nearest(t.alpha, in: alphas), Self.nearest(t.beta, in: betas))
    }

    /// The index of the value nearest to `value` (the first on a tie).
    public static func nearest(_ value: Double, in values: [Double]) -> Int {
        values.indices.min { abs(values[$0] - value) < abs(values[$1] - value) } ?? 0
    }
}
