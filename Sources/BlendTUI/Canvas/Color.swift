import BlendCore

/// A colour as widgets ask for it: a semantic role that the theme resolves, or (for pixels of
/// a video frame) a literal colour. Widgets never hard-code a themeable colour.
public enum Color: Hashable, Sendable {
    case background
    case text
    case muted
    case accent
    case border
    case focus
    case success
    case error
    case warning
    /// Background of the selected row or item.
    case selection
    /// Text on `selection`.
    case selectionText
    case statusBackground
    case statusText
    /// Background of overlays (help, palette, toasts).
    case overlay
    /// One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.
    case emotion(Emotion)
    /// A point on the theme's heat ramp: 0 is the low end, 255 the high end.
    case heat(UInt8)
    /// A literal colour, for images; everything themeable uses a role instead.
    case rgb(RGB)

    /// The heat-ramp role for a fraction in 0...1 (clamped; NaN counts as 0).
    public static func heat(fraction: Double) -> Color {
        guard fraction.isFinite else { return .heat(0) }
        return .heat(UInt8((min(max(fraction, 0), 1) * 255).rounded()))
    }
}
