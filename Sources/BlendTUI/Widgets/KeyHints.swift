/// One key hint: the key as the user presses it and what it does.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
    public var enabled: Bool

    public init(key: String, label: String, enabled: Bool = true) {
        self.key = key
        self.label = label
        self.enabled = enabled
    }
}

/// A line of key hints (`q quit  ? help  / search`) in priority order: hints that do not fit
/// are left out whole, never cut. Disabled ones are dimmed rather than hidden, so the user
/// learns the key exists.
public struct KeyHints: Widget {
    public var hints: [KeyHint]

    public init(_ hints: [KeyHint]) { self.hints = hints }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for hint in hints {
            let width = DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
            let gap = x == area.x ? 0 : 2
            guard x + gap + width <= area.maxX else { break }
            x += gap
            let keyStyle = hint.enabled ? Style(fg: .accent, .bold) : Style(fg: .muted, .dim)
            let labelStyle = hint.enabled ? Style(fg: .muted) : Style(fg: .muted, .dim)
            x += canvas.draw(hint.key, x: x, y: area.y, style: keyStyle, clip: area)
            x += 1
            x += canvas.draw(hint.label, x: x, y: area.y, style: labelStyle, clip: area)
        }
    }
}
