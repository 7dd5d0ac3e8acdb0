/// A 64-bit digest (FNV-1a) of what a computation over scored clips reads: each clip's name,
/// actor, split, fold and label and its six probabilities to the bit. Caches of slow answers
/// (bootstrap intervals) key on it, so two sources — or two states of one source, a fusion's
/// weights changed, predictions imported again — that share a name and a clip count never
/// share an answer. The same everywhere and in every run (no per-process seed).
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let value: UInt64

    public init(_ value: UInt64) { self.value = value }

    public var description: String { String(value, radix: 16) }

    private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    fileprivate struct Hasher {
        var state = ContentDigest.offset

        mutating func add(_ byte: UInt8) {
            state = (state ^ UInt64(byte)) &* ContentDigest.prime
        }

        mutating func add(_ word: UInt64) {
            for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }

        /// The text's bytes, then a 0xFF that no UTF-8 text holds (so "ab"+"c" ≠ "a"+"bc").
        mutating func add(_ text: String) {
            for byte in text.utf8 { add(byte) }
            add(UInt8(0xFF))
        }
    }
}

extension ScoredClips {
    /// The digest of these clips and their probabilities, in order.
    public var contentDigest: ContentDigest {
        var h = ContentDigest.Hasher()
        h.add(UInt64(count))
        for clip in clips {
            h.add(clip.name)
            h.add(clip.actor)
            h.add(clip.split.rawValue)
            h.add(UInt64(bitPattern: Int64(clip.fold ?? -1)))
            h.add(clip.label.description)
        }
        for p in probabilities { h.add(p.bitPattern) }
        return ContentDigest(h.state)
    }
}
