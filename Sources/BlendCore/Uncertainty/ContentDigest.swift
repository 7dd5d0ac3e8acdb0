/// A digest of what a computation over scored clips reads: each clip (name, actor, split,
/// fold, label) and its six probabilities. Caches of slow answers (bootstrap intervals) key on
/// it, so two sources — or two states of one source, a fusion's weights changed, predictions
/// imported again — that share a name and a clip count never share an answer. Swift's own
/// `Hasher` does the hashing: the caches live in one process, so its per-process seed does not
/// matter (nothing stores a digest).
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) { self.value = value }

    public var description: String { String(UInt(bitPattern: value), radix: 16) }
}

extension ScoredClips {
    /// The digest of these clips and their probabilities, in order.
    public var contentDigest: ContentDigest {
        var hasher = Hasher()
        hasher.combine(clips)
        hasher.combine(probabilities)
        return ContentDigest(hasher.finalize())
    }
}
