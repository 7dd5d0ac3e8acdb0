/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast generator whose sequence depends only on
/// its seed, so synthetic data and randomised tests are the same on every machine and every run.
///
/// The package's one SplitMix64. It is also the bootstrap's and the permutation tests' stream
/// (``Resampling``), whose intervals are pinned against a reference script, so its sequence
/// never changes; ``SeededRandom`` seeds itself through it.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
