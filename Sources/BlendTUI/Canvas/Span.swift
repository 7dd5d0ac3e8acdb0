/// A run of text in one style; a line of spans is how widgets draw mixed styling.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }

    /// Display width in cells.
    public var width: Int { DisplayWidth.of(text) }
}

extension Array where Element == Span {
    /// Display width of all spans together.
    public var width: Int { reduce(0) { $0 + $1.width } }
}
