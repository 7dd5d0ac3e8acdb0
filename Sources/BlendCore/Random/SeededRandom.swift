/// A small, fast, seedable generator (xoshiro256**, Blackman and Vigna 2018, seeded through
/// SplitMix64): the package's one seeded generator besides the bootstrap's SplitMix64 stream.
///
/// Nothing here uses the system generator: every random choice of the engine (initial weights,
/// batch order, dropout masks) and of the demo comes from one of these, derived from a seed, so a
/// run is reproducible bit for bit on any machine. Its own shuffle and bounded integers are used
/// instead of the standard library's, whose algorithms are not promised to stay the same.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator for `seed`; different `stream`s of one seed give independent sequences
    /// (one for initialisation, one for shuffling, one per fold, one per part of the demo...):
    /// the pair is hashed so that neighbouring streams and neighbouring seeds start far apart.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SeededGenerator(seed: seed)
        var state = SeededGenerator(seed: mixer.next() ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = state.next()
        s1 = state.next()
        s2 = state.next()
        s3 = state.next()
        // All-zero state is the one fixed point of xoshiro; SplitMix64 cannot produce four
        // zeros in a row, but keep the invariant explicit.
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    /// A generator in exactly this xoshiro state (not all zero), for known-answer tests.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro's state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// A seed for a sub-run (a fold, the final model) derived from the run's seed.
    public static func derivedSeed(_ seed: UInt64, stream: UInt64) -> UInt64 {
        var random = SeededRandom(seed: seed, stream: stream)
        return random.next()
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

    /// Uniform in [0, 1) from 53 random bits, so every value is exactly a Double.
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
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
