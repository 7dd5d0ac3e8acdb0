import BlendCore

/// The named colour roles a theme file sets in its `[colors]` table; the raw value is the key.
public enum ThemeRole: String, CaseIterable, Sendable {
    case background
    case text
    case muted
    case accent
    case border
    case focus
    case success
    case error
    case warning
    case selection
    case selectionText = "selection-text"
    case statusBackground = "status-background"
    case statusText = "status-text"
    case overlay

    /// The canvas colour this role stands for.
    public var color: Color {
        switch self {
        case .background: .background
        case .text: .text
        case .muted: .muted
        case .accent: .accent
        case .border: .border
        case .focus: .focus
        case .success: .success
        case .error: .error
        case .warning: .warning
        case .selection: .selection
        case .selectionText: .selectionText
        case .statusBackground: .statusBackground
        case .statusText: .statusText
        case .overlay: .overlay
        }
    }
}

/// A complete set of colours for every semantic role, every emotion and the heat ramp.
/// Built by `ThemeLoader` from a TOML file; widgets never see it, only the backend does.
public struct Theme: Hashable, Sendable {
    public var name: String
    public var roles: [ThemeRole: ThemeColor]
    public var emotions: [Emotion: ThemeColor]
    /// Two or more stops from low to high.
    public var ramp: [ThemeColor]

    /// A theme must name every role and emotion and at least two ramp stops; `ThemeLoader`
    /// guarantees that for themes read from files.
    public init(name: String, roles: [ThemeRole: ThemeColor], emotions: [Emotion: ThemeColor], ramp: [ThemeColor]) {
        precondition(ThemeRole.allCases.allSatisfy { roles[$0] != nil }, "theme \(name) lacks a role")
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
        case .background: return roles[.background]!
        case .text: return roles[.text]!
        case .muted: return roles[.muted]!
        case .accent: return roles[.accent]!
        case .border: return roles[.border]!
        case .focus: return roles[.focus]!
        case .success: return roles[.success]!
        case .error: return roles[.error]!
        case .warning: return roles[.warning]!
        case .selection: return roles[.selection]!
        case .selectionText: return roles[.selectionText]!
        case .statusBackground: return roles[.statusBackground]!
        case .statusText: return roles[.statusText]!
        case .overlay: return roles[.overlay]!
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
        }
    }
}
