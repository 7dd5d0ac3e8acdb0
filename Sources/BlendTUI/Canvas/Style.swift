/// Text attributes a terminal can show without colour; with `NO_COLOR` they are all that is left.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let dim = TextAttributes(rawValue: 1 << 1)
    public static let italic = TextAttributes(rawValue: 1 << 2)
    public static let underline = TextAttributes(rawValue: 1 << 3)
    public static let reverse = TextAttributes(rawValue: 1 << 4)
}

/// How a cell looks. A nil colour means "whatever is underneath": drawing text onto a filled
/// panel keeps the panel's background. On a fresh canvas nil means the theme's text and
/// background colours.
public struct Style: Hashable, Sendable {
    public var foreground: Color?
    public var background: Color?
    public var attributes: TextAttributes

    public init(fg foreground: Color? = nil, bg background: Color? = nil, _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// No colours, no attributes.
    public static let plain = Style()

    /// `self` drawn over `base`: set colours win, attributes add up.
    public func over(_ base: Style) -> Style {
        Style(fg: foreground ?? base.foreground, bg: background ?? base.background,
              attributes.union(base.attributes))
    }

    public func bold() -> Style { adding(.bold) }
    public func dim() -> Style { adding(.dim) }
    public func reversed() -> Style { adding(.reverse) }
    public func underlined() -> Style { adding(.underline) }

    public func adding(_ more: TextAttributes) -> Style {
        var copy = self
        copy.attributes.formUnion(more)
        return copy
    }
}
