/// A small, fast, seedable generator (xoshiro256** seeded through SplitMix64).
///
/// The engine never uses the system generator: every random choice (initial weights, batch
/// order, dropout masks) comes from one of these, derived from the run's seed, so a run is
/// reproducible bit for bit on any machine. Its own shuffle and bounded integers are used
/// instead of the standard library's, whose algorithms are not promised to stay the same.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`; different `stream`s of one seed give independent sequences
    /// (one for initialisation, one for shuffling, one per fold, ...).
    public init(seed: UInt64, stream: UInt64 = 0) {
        var state = seed
        let salt = Self.splitMix(&state) ^ (stream &* 0xD1B5_4A32_D192_ED03)
        state = salt
        s0 = Self.splitMix(&state)
        s1 = Self.splitMix(&state)
        s2 = Self.splitMix(&state)
        s3 = Self.splitMix(&state)
        // All-zero state is the one fixed point of xoshiro; SplitMix64 cannot produce four
        // zeros in a row, but keep the invariant explicit.
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// A seed for a sub-run (a fold, the final model) derived from the run's seed.
    public static func derivedSeed(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var random = SeededRandom(seed: seed, stream: stream)
        return random.next()
    }

    private static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable
    static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) from 24 random bits, so every value is exactly a Float.
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// Uniform in [low, high).
    public mutating func nextFloat(in low: Float, _ high: Float) -> Float {
        low + (high - low) * nextUnitFloat()
    }

    /// Uniform in 0..<bound without modulo bias (Lemire's multiply-and-reject).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Fisher–Yates shuffle in place.
    public mutating func shuffle<T>(_ values: UnsafeMutableBufferPointer<T>) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = nextIndex(below: i + 1)
            values.swapAt(i, j)
        }
    }
}
