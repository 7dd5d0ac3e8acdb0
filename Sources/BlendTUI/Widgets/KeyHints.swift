/// How much a key hint matters when the line is short of room: optional ones go first,
/// essential ones (quit, help) never.
public enum KeyHintImportance: Int, Comparable, Sendable {
    /// Said elsewhere on the screen too (a pane's title), so the first to go.
    case optional
    case normal
    case essential

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// One key hint: the key as the user presses it and what it does.
public struct KeyHint: Hashable, Sendable {
    public var key: String
    public var label: String
    public var enabled: Bool
    public var importance: KeyHintImportance

    public init(key: String, label: String, enabled: Bool = true, importance: KeyHintImportance = .normal) {
        self.key = key
        self.label = label
        self.enabled = enabled
        self.importance = importance
    }

    /// Its width on the line: key, a space, label.
    var width: Int { DisplayWidth.of(key) + 1 + DisplayWidth.of(label) }
}

/// A line of key hints (`q quit  ? help  / search`) in priority order: hints that do not fit
/// are left out whole, never cut, the least important first (optional ones, then the others,
/// each from the end), never an essential one (quit, help). Disabled ones are dimmed rather than
/// hidden, so the user learns the key exists.
public struct KeyHints: Widget {
    public var hints: [KeyHint]

    public init(_ hints: [KeyHint]) { self.hints = hints }

    /// The hints shown in `width` columns, in their order.
    public func fitted(width: Int) -> [KeyHint] {
        var kept = hints
        func total() -> Int { kept.reduce(0) { $0 + $1.width } + 2 * max(0, kept.count - 1) }
        // The last of the least important goes first; an essential one never.
        while total() > width {
            let droppable = kept.indices.filter { kept[$0].importance != .essential }
            guard let lowest = droppable.map({ kept[$0].importance }).min(),
                  let last = droppable.last(where: { kept[$0].importance == lowest }) else { break }
            kept.remove(at: last)
        }
        return kept
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        var x = area.x
        for hint in fitted(width: area.width) {
            let width = hint.width
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
