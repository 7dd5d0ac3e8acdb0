/// Names close to one that was mistyped, for "did you mean" messages: the CLI's unknown
/// encoder or fusion, the TUI's unknown command in a key map.
public enum NameSuggestions {
    /// `known`, the closest to `name` first (edit distance, ignoring case; ties keep their
    /// order), so the likely intended name leads the list.
    public static func closestFirst(to name: String, among known: [String]) -> [String] {
        let target = name.lowercased()
        return known.enumerated()
            .map { (offset: $0.offset, name: $0.element, distance: editDistance($0.element.lowercased(), target)) }
            .sorted { ($0.distance, $0.offset) < ($1.distance, $1.offset) }
            .map(\.name)
    }

    /// The closest of `known` when it is close enough to be a typo of `name`: at most two edits,
    /// or a quarter of the name's length for long names.
    public static func likelyMeant(_ name: String, among known: [String]) -> String? {
        guard let first = closestFirst(to: name, among: known).first,
              editDistance(first.lowercased(), name.lowercased()) <= max(2, name.count / 4) else { return nil }
        return first
    }

    /// Levenshtein distance over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
