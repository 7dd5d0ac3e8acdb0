/// Finds the line on which a TOML key is set. The TOML parser reports lines only for syntax
/// errors; a bad value or an unknown key must still be pointed at, so this scans the source
/// for `[table]` headers and `key = value` lines (bare, quoted and dotted keys).
struct TOMLKeyLocator {
    private var lines: [String: Int] = [:]

    init(source: String) {
        var table: [String] = []
        var number = 0
        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = rawLine.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("[") {
                let inner = line.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" })
                table = TOMLKeyLocator.keyPath(String(inner))
                let path = table.joined(separator: ".")
                if lines[path] == nil { lines[path] = number }
            } else if let equals = TOMLKeyLocator.assignment(line) {
                let path = (table + TOMLKeyLocator.keyPath(String(line[..<equals]))).joined(separator: ".")
                if lines[path] == nil { lines[path] = number }
            }
        }
    }

    /// The line (1-based) where `path` (`colors.accent`) is set or its table begins.
    func line(of path: String) -> Int? { lines[path] }

    /// Position of the `=` of a key-value line outside quotes, if the line is one.
    private static func assignment(_ line: String) -> String.Index? {
        guard let first = line.first, first != "#" else { return nil }
        var quote: Character?
        for index in line.indices {
            let c = line[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "=" {
                return index
            }
        }
        return nil
    }

    /// `a."b.c" . d` → `["a", "b.c", "d"]`.
    private static func keyPath(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for c in text {
            if let open = quote {
                if c == open { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "." {
                parts.append(current.trimmingCharacters(in: " \t"))
                current = ""
            } else {
                current.append(c)
            }
        }
        parts.append(current.trimmingCharacters(in: " \t"))
        return parts
    }
}

extension StringProtocol {
    /// `self` without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> String {
        let kept = drop(while: { set.contains($0) })
        return String(kept.reversed().drop(while: { set.contains($0) }).reversed())
    }
}
