/// Answers computed off the UI thread (bootstrap intervals, tests, comparisons), kept per the
/// key they were computed for. `wanted` is the key the screen asks for now: an answer is
/// `current` only for it, never for another key, and `shown` offers the last wanted answer,
/// marked stale, while a new one runs. The oldest answers go first beyond `limit`, never the
/// wanted one, the one on show or any a caller keeps.
struct ResultCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private(set) var wanted: Key?
    /// The wanted key whose answer arrived last (what a screen draws, stale, meanwhile).
    private(set) var lastShown: Key?
    /// Why the wanted key's computation failed, when it did.
    private(set) var failure: String?
    private var results: [Key: Value] = [:]
    /// `results`' keys, oldest first.
    private var order: [Key] = []
    let limit: Int

    init(limit: Int) { self.limit = limit }

    subscript(key: Key) -> Value? { results[key] }
    var count: Int { results.count }

    /// The answer for the key asked for now, when it has arrived.
    var current: Value? { wanted.flatMap { results[$0] } }

    /// The answer to draw and whether it is for another key than asked for.
    var shown: (value: Value, stale: Bool)? {
        if let current { return (current, false) }
        return lastShown.flatMap { results[$0] }.map { ($0, true) }
    }

    /// Whether the wanted answer is still being computed.
    var computing: Bool { wanted != nil && current == nil && failure == nil }

    /// Makes `key` the one asked for; true when it has to be computed now (neither cached nor
    /// already running; a failed one is asked again).
    mutating func want(_ key: Key) -> Bool {
        if key == wanted, failure == nil { return false }
        wanted = key
        failure = nil
        if results[key] != nil {
            lastShown = key
            return false
        }
        return true
    }

    /// Keeps an answer (it becomes the one on show when it is the wanted key's).
    mutating func store(_ value: Value, for key: Key, keeping kept: Set<Key> = []) {
        if results[key] == nil { order.append(key) }
        results[key] = value
        if key == wanted {
            lastShown = key
            failure = nil
        }
        while order.count > limit, let i = order.firstIndex(where: { $0 != wanted && $0 != lastShown && !kept.contains($0) }) {
            results[order.remove(at: i)] = nil
        }
    }

    /// Notes that `key`'s computation failed (said only when it is still the one asked for).
    mutating func fail(_ key: Key, _ why: String) {
        if key == wanted { failure = why }
    }
}
