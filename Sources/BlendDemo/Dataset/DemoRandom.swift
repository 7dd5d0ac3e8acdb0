import BlendCore

/// The demo's own pseudo-random numbers: xoshiro256** seeded through SplitMix64.
///
/// Owned here rather than taken from the standard library so that a seed gives the same dataset
/// on every platform and Swift version. Each part of the generator draws from its own stream
/// (`stream`), so changing one encoder's parameters never shifts another part's draws.
struct DemoRandom: Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64
    /// The polar method makes normals in pairs; the second waits here.
    private var spareNormal: Double?

    /// One step of SplitMix64 (Steele, Lea, Flood 2014), the seeding recommended for xoshiro.
    static func splitMix64(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A generator for `stream` of `seed`: the pair is hashed so that neighbouring streams and
    /// neighbouring seeds start far apart.
    init(seed: UInt64, stream: UInt64) {
        var mix = seed
        var state = Self.splitMix64(&mix) ^ (stream &* 0xD1B5_4A32_D192_ED03)
        let a = Self.splitMix64(&state), b = Self.splitMix64(&state)
        let c = Self.splitMix64(&state), d = Self.splitMix64(&state)
        self.init(state: (a, b, c, d))
    }

    /// A generator in exactly this xoshiro state (not all zero), for known-answer tests.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro's state must not be all zero")
        (s0, s1, s2, s3) = state
        spareNormal = nil
    }

    /// The next 64 random bits (xoshiro256**, Blackman and Vigna 2018).
    mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func uniform() -> Double { Double(next() >> 11) * 0x1.0p-53 }

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

    /// Uniform in 0..<n without modulo bias (rejection on the top of the range).
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
