import BlendMedia

/// The first frames of the last few clips shown, at the box they were decoded for, so going
/// back to a clip (up, down, up) shows it without decoding again.
public struct ClipFrameCache: Sendable {
    public struct Key: Sendable, Hashable {
        public var clip: String
        public var box: ClipVideoBox
    }

    public struct Entry: Sendable {
        public var info: VideoInfo
        /// Nil when the box was too small for a picture (the probe data is still worth keeping).
        public var frame: ClipVideoFrame?
    }

    /// How many clips are kept: a few dozen kilobytes of cells each.
    public let capacity: Int
    /// Most recently used last.
    private var entries: [(key: Key, entry: Entry)] = []

    public init(capacity: Int = 8) {
        precondition(capacity > 0, "a cache holds at least one clip")
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    /// The entry for `clip` at `box`, marked as just used.
    public mutating func lookUp(_ clip: String, box: ClipVideoBox) -> Entry? {
        let key = Key(clip: clip, box: box)
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let hit = entries.remove(at: index)
        entries.append(hit)
        return hit.entry
    }

    /// Keeps `entry`, dropping the least recently used clip when full.
    public mutating func store(_ entry: Entry, for clip: String, box: ClipVideoBox) {
        let key = Key(clip: clip, box: box)
        entries.removeAll { $0.key == key }
        if entries.count == capacity { entries.removeFirst() }
        entries.append((key, entry))
    }
}
