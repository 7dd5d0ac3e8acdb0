/// Seeded draws for bootstraps and permutation tests, made in fixed chunks.
///
/// Replicate r belongs to chunk r / ``chunk``; each chunk has its own ``SeededGenerator``
/// derived from the seed and the chunk number. The draws of a replicate therefore never
/// depend on which thread makes them or how many there are.
public enum Resampling {
    /// Replicates per chunk.
    public static let chunk = 250

    /// The generator of chunk `c` under `seed`: SplitMix64 seeded with seed and chunk mixed.
    public static func generator(seed: UInt64, chunk c: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(c) &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }

    /// Calls `draw(r, &generator)` for replicates 0..<count in order, each with its chunk's
    /// generator: the one loop both kinds of resampling share.
    private static func forEachReplicate(_ count: Int, seed: UInt64, _ draw: (Int, inout SeededGenerator) -> Void) {
        var r = 0
        var c = 0
        while r < count {
            var g = generator(seed: seed, chunk: c)
            for _ in 0..<min(chunk, count - r) {
                draw(r, &g)
                r += 1
            }
            c += 1
        }
    }

    /// Calls `body(r, weights)` for every replicate r in order: `weights[i]` is how many times
    /// unit i was drawn in `units` draws with replacement. The buffer is reused between calls.
    public static func bootstrap(units n: Int, replicates: Int, seed: UInt64,
                                 _ body: (Int, UnsafeBufferPointer<Int32>) -> Void) {
        precondition(n > 0, "nothing to resample")
        var weights = [Int32](repeating: 0, count: n)
        weights.withUnsafeMutableBufferPointer { w in
            forEachReplicate(replicates, seed: seed) { r, g in
                for i in 0..<n { w[i] = 0 }
                for _ in 0..<n { w[Int(g.next(upperBound: UInt64(n)))] += 1 }
                body(r, UnsafeBufferPointer(w))
            }
        }
    }

    /// Calls `body(p, order)` for every permutation p: `order` is a uniformly random
    /// permutation of `0..<n` (Fisher–Yates), reshuffled in place between calls.
    public static func permutations(of n: Int, count: Int, seed: UInt64,
                                    _ body: (Int, UnsafeBufferPointer<Int>) -> Void) {
        var order = Array(0..<n)
        order.withUnsafeMutableBufferPointer { o in
            forEachReplicate(count, seed: seed) { p, g in
                var i = n - 1
                while i > 0 {
                    let j = Int(g.next(upperBound: UInt64(i + 1)))
                    o.swapAt(i, j)
                    i -= 1
                }
                body(p, UnsafeBufferPointer(o))
            }
        }
    }

    /// The permutation test's p-value: (1 + #(null ≥ observed)) / (1 + n).
    public static func pValue(observed: Double, null: [Double]) -> Double {
        let atLeast = null.reduce(0) { $0 + ($1 >= observed ? 1 : 0) }
        return Double(1 + atLeast) / Double(1 + null.count)
    }
}
