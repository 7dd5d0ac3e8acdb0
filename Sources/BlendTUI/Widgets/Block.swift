/// The line characters of a border.
public struct BorderGlyphs: Hashable, Sendable {
    public var horizontal: Character
    public var vertical: Character
    public var topLeft: Character
    public var topRight: Character
    public var bottomLeft: Character
    public var bottomRight: Character

    public static let plain = BorderGlyphs(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐",
                                           bottomLeft: "└", bottomRight: "┘")
    public static let rounded = BorderGlyphs(horizontal: "─", vertical: "│", topLeft: "╭", topRight: "╮",
                                             bottomLeft: "╰", bottomRight: "╯")
    public static let thick = BorderGlyphs(horizontal: "━", vertical: "┃", topLeft: "┏", topRight: "┓",
                                           bottomLeft: "┗", bottomRight: "┛")
    public static let double = BorderGlyphs(horizontal: "═", vertical: "║", topLeft: "╔", topRight: "╗",
                                            bottomLeft: "╚", bottomRight: "╝")
}

/// A bordered panel with a title on the top edge (`┌ Clips ──── 18/54 ┐`). The focused panel
/// gets a thick border in the focus colour, so focus is visible without colour too.
public struct Block: Widget {
    public var title: String?
    /// Right-aligned on the top edge (counts, positions); dropped first when space is short.
    public var trailingTitle: String?
    /// Right-aligned on the bottom edge (a key hint such as `enter: 3 flips`), where no title
    /// competes for the room; dropped when it does not fit whole.
    public var footer: String?
    public var focused: Bool
    public var glyphs: BorderGlyphs?
    /// Fills the inside (e.g. overlays on `.overlay`); nil leaves what is underneath.
    public var fill: Style?

    public init(title: String? = nil, trailingTitle: String? = nil, footer: String? = nil, focused: Bool = false,
                glyphs: BorderGlyphs? = nil, fill: Style? = nil) {
        self.title = title
        self.trailingTitle = trailingTitle
        self.footer = footer
        self.focused = focused
        self.glyphs = glyphs
        self.fill = fill
    }

    /// The area inside the border.
    public func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let g = glyphs ?? (focused ? .thick : .plain)
        let line = Style(fg: focused ? .focus : .border)
        if let fill { canvas.fill(area, style: fill) }
        let right = area.maxX - 1, bottom = area.maxY - 1
        canvas.put(g.topLeft, x: area.x, y: area.y, style: line)
        canvas.put(g.topRight, x: right, y: area.y, style: line)
        canvas.put(g.bottomLeft, x: area.x, y: bottom, style: line)
        canvas.put(g.bottomRight, x: right, y: bottom, style: line)
        for x in (area.x + 1)..<right {
            canvas.put(g.horizontal, x: x, y: area.y, style: line)
            canvas.put(g.horizontal, x: x, y: bottom, style: line)
        }
        for y in (area.y + 1)..<bottom {
            canvas.put(g.vertical, x: area.x, y: y, style: line)
            canvas.put(g.vertical, x: right, y: y, style: line)
        }
        // Titles sit between the corners with a space either side: "┌ Title ─── 18/54 ┐".
        let room = area.width - 2
        var used = 0
        if let title, !title.isEmpty, room >= 3 {
            let titleStyle = Style(fg: focused ? .focus : .text, .bold)
            let shown = TextFit.truncate(title, to: room - 2)
            canvas.draw(" " + shown + " ", x: area.x + 1, y: area.y, style: titleStyle, truncation: .clip)
            used = DisplayWidth.of(shown) + 2
        }
        if let trailingTitle, !trailingTitle.isEmpty {
            let width = DisplayWidth.of(trailingTitle) + 2
            if used + 1 + width <= room {
                canvas.draw(" " + trailingTitle + " ", x: right - width, y: area.y, style: Style(fg: .muted),
                            truncation: .clip)
            }
        }
        if let footer, !footer.isEmpty {
            let width = DisplayWidth.of(footer) + 2
            if width + 1 <= room {
                canvas.draw(" " + footer + " ", x: right - width, y: bottom, style: Style(fg: .muted), truncation: .clip)
            }
        }
    }
}
