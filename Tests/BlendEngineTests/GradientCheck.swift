import BlendCore
import XCTest
@testable import BlendEngine

/// Central finite differences in Float32, compared with analytic gradients.
///
/// The step's actual size is taken from the perturbed Float values (not the nominal `h`),
/// and objectives are summed in Double, so the comparison is limited only by Float rounding
/// of the forward pass; tolerances are set for that.
enum GradientCheck {
    static func compare(_ pointer: UnsafeMutablePointer<Float>, analytic: [Float], indices: some Sequence<Int>,
                        h: Float = 1e-3, relative: Double = 2e-2, absolute: Double = 2e-3,
                        _ what: String, file: StaticString = #filePath, line: UInt = #line,
                        objective: () -> Double) {
        for i in indices {
            let saved = pointer[i]
            pointer[i] = saved + h
            let plus = pointer[i]
            let up = objective()
            pointer[i] = saved - h
            let minus = pointer[i]
            let down = objective()
            pointer[i] = saved
            let numeric = (up - down) / Double(plus - minus)
            let exact = Double(analytic[i])
            let tolerance = absolute + relative * max(abs(numeric), abs(exact))
            XCTAssertEqual(exact, numeric, accuracy: tolerance, "\(what)[\(i)]", file: file, line: line)
        }
    }

    /// Deterministic pseudo-random values in [-scale, scale).
    static func values(_ count: Int, seed: UInt64, scale: Float = 1) -> [Float] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { _ in random.nextFloat(in: -scale, scale) }
    }

    /// Σ r·y in Double: a scalar whose gradient with respect to y is r.
    static func projection(_ y: UnsafePointer<Float>, _ r: [Float]) -> Double {
        var s = 0.0
        for i in r.indices { s += Double(r[i]) * Double(y[i]) }
        return s
    }

    /// Up to `count` indices spread over 0..<total, always including the ends.
    static func sample(_ total: Int, count: Int, seed: UInt64) -> [Int] {
        guard total > count else { return Array(0..<total) }
        var random = SeededRandom(seed: seed)
        return [0, total - 1] + (0..<(count - 2)).map { _ in random.nextIndex(below: total) }
    }
}
