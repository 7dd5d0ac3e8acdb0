#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The only C maths the generator uses, in one place. The brief allows `exp`, `log` and `sqrt`
/// (the last is the standard library's `squareRoot`); their last-bit differences between
/// platforms stay far below the 6-decimal rounding of the shipped probabilities.
enum DemoMath {
    static func exponential(_ x: Double) -> Double { exp(x) }
    static func logarithm(_ x: Double) -> Double { log(x) }
}
