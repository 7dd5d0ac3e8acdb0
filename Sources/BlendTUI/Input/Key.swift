/// A key as the user presses it. Letters keep their case: `G` and `g` are different keys.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case tab, backTab, enter, escape, backspace, delete, insert
    case function(Int)
}

/// Modifier keys held with a key.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let ctrl = Modifiers(rawValue: 1 << 0)
    public static let alt = Modifiers(rawValue: 1 << 1)
    public static let shift = Modifiers(rawValue: 1 << 2)
}

/// A key with its modifiers, in one canonical form so that bindings compare equal however
/// they were written: `ctrl+C` is `ctrl+c`, `shift+tab` is back-tab, `shift+g` is `G`.
public struct KeyChord: Hashable, Sendable, CustomStringConvertible {
    public let key: Key
    public let modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) {
        var key = key
        var modifiers = modifiers
        if key == .tab && modifiers.contains(.shift) {
            key = .backTab
            modifiers.remove(.shift)
        }
        if case .character(let c) = key {
            if modifiers.contains(.ctrl) {
                key = .character(Character(c.lowercased()))
            } else if modifiers.contains(.shift) {
                key = .character(Character(c.uppercased()))
                modifiers.remove(.shift)
            }
        }
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> KeyChord { KeyChord(.character(c)) }
    /// Ctrl plus a letter.
    public static func ctrl(_ c: Character) -> KeyChord { KeyChord(.character(c), .ctrl) }

    /// Parses how key maps write keys: `q`, `G`, `?`, `space`, `enter`, `esc`, `tab`,
    /// `shift+tab`, `up`, `pgdn`, `home`, `f5`, `ctrl+c`, `C-c`, `alt+x`, `M-x`.
    public init?(parsing text: String) {
        var rest = Substring(text)
        var modifiers: Modifiers = []
        let prefixes: [(String, Modifiers)] = [
            ("ctrl+", .ctrl), ("control+", .ctrl), ("c-", .ctrl), ("alt+", .alt), ("meta+", .alt),
            ("m-", .alt), ("a-", .alt), ("shift+", .shift), ("s-", .shift),
        ]
        var stripped = true
        while stripped && rest.count > 1 {
            stripped = false
            for (prefix, modifier) in prefixes where rest.count > prefix.count && rest.lowercased().hasPrefix(prefix) {
                rest = rest.dropFirst(prefix.count)
                modifiers.insert(modifier)
                stripped = true
                break
            }
        }
        if rest.count == 1, let c = rest.first {
            self.init(.character(c), modifiers)
            return
        }
        guard let key = KeyChord.namedKeys[rest.lowercased()] else { return nil }
        self.init(key, modifiers)
    }

    /// The form key maps and the help use: `ctrl+c`, `shift+tab`, `pgdn`, `G`, `space`.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        parts.append(KeyChord.name(of: key))
        return parts.joined(separator: "+")
    }

    /// A compact form for hints and help: arrows as `↑`, `ctrl+c` as `^C`.
    public var display: String {
        if modifiers == .ctrl, case .character(let c) = key, c.isLetter {
            return "^" + c.uppercased()
        }
        guard modifiers.isEmpty else { return description }
        switch key {
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "Bksp"
        case .delete: return "Del"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        }
    }

    private static let namedKeys: [String: Key] = {
        var keys: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right,
            "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "tab": .tab, "backtab": .backTab,
            "enter": .enter, "return": .enter, "esc": .escape, "escape": .escape,
            "backspace": .backspace, "delete": .delete, "del": .delete, "insert": .insert, "ins": .insert,
            "space": .character(" "), "plus": .character("+"), "minus": .character("-"),
        ]
        for n in 1...24 { keys["f\(n)"] = .function(n) }
        return keys
    }()

    private static func name(of key: Key) -> String {
        switch key {
        case .character(" "): "space"
        case .character(let c): String(c)
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .pageUp: "pgup"
        case .pageDown: "pgdn"
        case .home: "home"
        case .end: "end"
        case .tab: "tab"
        case .backTab: "shift+tab"
        case .enter: "enter"
        case .escape: "esc"
        case .backspace: "backspace"
        case .delete: "delete"
        case .insert: "insert"
        case .function(let n): "f\(n)"
        }
    }
}
