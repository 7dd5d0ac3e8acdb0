import BlendCore

/// The semantic colours a theme file sets in its `[colors]` table, with their keys, in the
/// order the files list them. The roles themselves are `Color`'s cases; this only names them.
enum ThemeRoles {
    static let keyed: [(key: String, color: Color)] = [
        ("background", .background), ("text", .text), ("muted", .muted), ("accent", .accent),
        ("border", .border), ("focus", .focus), ("success", .success), ("error", .error),
        ("warning", .warning), ("selection", .selection), ("selection-text", .selectionText),
        ("status-background", .statusBackground), ("status-text", .statusText), ("overlay", .overlay),
    ]

    static var keys: [String] { keyed.map(\.key) }

    /// The role a `[colors]` key sets, or nil for an unknown key.
    static func color(forKey key: String) -> Color? { keyed.first { $0.key == key }?.color }
}

/// A complete set of colours for every semantic role, every emotion and the heat ramp.
/// Built by `ThemeLoader` from a TOML file; widgets never see it, only the backend does.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var roles: [Color: ThemeColor]
    public var emotions: [Emotion: ThemeColor]
    /// Two or more stops from low to high.
    public var ramp: [ThemeColor]

    /// A theme must name every role and emotion and at least two ramp stops; `ThemeLoader`
    /// guarantees that for themes read from files.
    public init(name: String, roles: [Color: ThemeColor], emotions: [Emotion: ThemeColor], ramp: [ThemeColor]) {
        precondition(ThemeRoles.keyed.allSatisfy { roles[$0.color] != nil }, "theme \(name) lacks a role")
        precondition(Emotion.allCases.allSatisfy { emotions[$0] != nil }, "theme \(name) lacks an emotion")
        precondition(ramp.count >= 2, "theme \(name) needs two ramp stops")
        self.name = name
        self.roles = roles
        self.emotions = emotions
        self.ramp = ramp
    }

    /// The theme's colour for a canvas colour. Heat levels blend between neighbouring exact
    /// stops; between basic colours (which have no exact value) the nearer stop wins.
    public func resolve(_ color: Color) -> ThemeColor {
        switch color {
        case .emotion(let emotion): return emotions[emotion]!
        case .rgb(let rgb): return .rgb(rgb)
        case .heat(let level):
            let position = Double(level) / 255 * Double(ramp.count - 1)
            let low = min(Int(position), ramp.count - 2)
            let t = position - Double(low)
            if case .rgb(let a) = ramp[low], case .rgb(let b) = ramp[low + 1] {
                return .rgb(a.mixed(with: b, t))
            }
            return t < 0.5 ? ramp[low] : ramp[low + 1]
        default: return roles[color]!
        }
    }
}
