import BlendCore

/// Axis ticks at "nice" numbers: steps of 1, 2 or 5 times a power of ten.
public enum NiceTicks {
    /// The step of about `target` intervals over `low…high`.
    public static func step(_ low: Double, _ high: Double, target: Int = 5) -> Double {
        let span = high - low
        guard span > 0, span.isFinite, target > 0 else { return 1 }
        let raw = span / Double(target)
        var magnitude = 1.0
        // A power of ten by multiplication, exact for the magnitudes axes have.
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let residual = raw / magnitude
        let factor: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        return factor * magnitude
    }

    /// The multiples of `step` within `low…high`.
    public static func values(_ low: Double, _ high: Double, target: Int = 5) -> [Double] {
        let s = step(low, high, target: target)
        let first = (low / s - 1e-9).rounded(.up)
        let last = (high / s + 1e-9).rounded(.down)
        guard first <= last else { return [] }
        let places = decimals(of: s)
        return stride(from: first, through: last, by: 1).map { round($0 * s, places: places) }
    }

    /// Decimal places a label of `step`'s multiples needs (0.05 → 2, 5 → 0).
    public static func decimals(of step: Double) -> Int {
        var places = 0, scaled = step
        while places < 10 && (scaled - scaled.rounded()).magnitude > 1e-9 * max(1, scaled.magnitude) {
            scaled *= 10
            places += 1
        }
        return places
    }

    /// A tick label: rates and thresholds in the paper's style (`.2`, `1`), counts as integers.
    public static func label(_ value: Double, step: Double) -> String {
        let places = decimals(of: step)
        if value.magnitude < 1e-12 { return "0" }
        return NumberText.fixed(value, places: places, leadingZero: false)
    }

    private static func round(_ x: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (x * scale).rounded() / scale
    }
}

/// A linear map from data to points.
public struct LinearScale: Sendable, Hashable {
    public let low: Double
    public let high: Double
    public let start: Double
    public let end: Double

    public init(_ low: Double, _ high: Double, to start: Double, _ end: Double) {
        self.low = low
        self.high = high
        self.start = start
        self.end = end
    }

    public func callAsFunction(_ v: Double) -> Double {
        guard high != low else { return (start + end) / 2 }
        return start + (v - low) / (high - low) * (end - start)
    }
}
