import BlendCore

/// The demo's pseudo-random draws, from the package's one seeded generator (``SeededRandom``:
/// xoshiro256** seeded through SplitMix64).
///
/// Owned by the package rather than taken from the standard library so that a seed gives the
/// same dataset on every platform and Swift version. Each part of the generator draws from its
/// own stream (`stream`), so changing one encoder's parameters never shifts another part's draws.
/// What is the demo's own: normals by the polar method, and its bounded integers.
struct DemoRandom: Sendable {
    private var bits: SeededRandom
    /// The polar method makes normals in pairs; the second waits here.
    private var spareNormal: Double?

    /// A generator for `stream` of `seed`.
    init(seed: UInt64, stream: UInt64) {
        bits = SeededRandom(seed: seed, stream: stream)
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 { bits.next() }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double { bits.nextUnitDouble() }

    /// Uniform in [low, high).
    mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }

    /// A standard normal by Marsaglia's polar method: only `log` and `sqrt`, no trigonometry,
    /// whose last bits differ between platforms' maths libraries.
    mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1
            let v = 2 * uniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let factor = (-2 * DemoMath.logarithm(s) / s).squareRoot()
                spareNormal = v * factor
                return u * factor
            }
        }
    }

    /// Uniform in 0..<n without modulo bias (rejection on the top of the range). Not
    /// `SeededRandom.nextIndex` (Lemire's method), whose different draws would change the
    /// seeded demo and its pinned digest; switching is a deliberate change of the demo.
    mutating func int(below n: Int) -> Int {
        precondition(n > 0)
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { uniform() < p }

    /// Fisher–Yates with this generator.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, int(below: i + 1))
        }
    }
}
