/// One command as the palette lists it.
public struct PaletteItem: Hashable, Sendable {
    public var title: String
    /// The keys that also run it, as shown (`ctrl+s`), or empty.
    public var keys: String
    public var disabledReason: String?
    /// Characters of `title` that matched the query, drawn highlighted.
    public var matched: [Int]

    public init(title: String, keys: String = "", disabledReason: String? = nil, matched: [Int] = []) {
        self.title = title
        self.keys = keys
        self.disabledReason = disabledReason
        self.matched = matched
    }
}

/// The `:` palette: a query line and the matching commands below it, the selected one
/// highlighted, matched characters stressed, keys on the right, and a reason beside commands
/// that cannot run now.
public struct CommandPalette: Widget {
    public var input: TextInput
    public var items: [PaletteItem]
    public var scroll: TableScroll

    public init(input: TextInput, items: [PaletteItem], scroll: TableScroll) {
        self.input = input
        self.items = items
        self.scroll = scroll
    }

    /// The palette's box within the screen `area`: centred, near the top.
    public static func frame(in area: Rect, itemCount: Int) -> Rect {
        let width = min(area.width - 4, 72)
        let height = min(area.height - 2, max(5, min(itemCount, 12) + 4))
        return Rect(x: area.x + (area.width - width) / 2, y: area.y + max(1, area.height / 6), width: width, height: height)
    }

    /// Item rows visible inside a box from `frame(in:itemCount:)`.
    public static func visibleRows(in box: Rect) -> Int { max(0, box.height - 4) }

    public func render(into canvas: inout Canvas, area: Rect) {
        let box = CommandPalette.frame(in: area, itemCount: items.count)
        guard box.width >= 20, box.height >= 5 else { return }
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Commands", trailingTitle: "\(items.count)", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        canvas.draw(":", x: inner.x, y: inner.y, style: Style(fg: .accent, .bold))
        TextField(input, placeholder: "type to filter").render(into: &canvas,
                                                                  area: Rect(x: inner.x + 2, y: inner.y, width: inner.width - 2, height: 1))
        for x in inner.x..<inner.maxX { canvas.put("─", x: x, y: inner.y + 1, style: Style(fg: .border)) }

        let list = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        guard !items.isEmpty else {
            canvas.draw("no command matches", x: list.x, y: list.y, maxWidth: list.width, style: Style(fg: .muted))
            return
        }
        let first = TableScroll.offset(keeping: scroll.selected, from: scroll.offset, visibleRows: list.height,
                                       rowCount: items.count)
        for row in 0..<min(list.height, items.count - first) {
            let index = first + row
            draw(items[index], selected: index == scroll.selected, into: &canvas, at: list.row(row))
            canvas.markRegion(list.row(row), id: "palette:\(index)")
        }
    }

    private func draw(_ item: PaletteItem, selected: Bool, into canvas: inout Canvas, at rect: Rect) {
        if selected { canvas.fill(rect, style: Style(fg: .selectionText, bg: .selection)) }
        let enabled = item.disabledReason == nil
        let right = item.disabledReason.map { "(\($0))" } ?? item.keys
        let rightWidth = min(DisplayWidth.of(right), rect.width / 2)
        if rightWidth > 0 {
            canvas.draw(right, in: Rect(x: rect.maxX - rightWidth, y: rect.y, width: rightWidth, height: 1),
                        alignment: .right, style: Style(fg: .muted, enabled ? [] : .dim))
        }
        let room = rect.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        let matched = Set(item.matched)
        var spans: [Span] = []
        for (i, character) in item.title.enumerated() {
            let style = matched.contains(i) ? Style(fg: .accent, .bold)
                : Style(fg: enabled ? (selected ? .selectionText : .text) : .muted)
            if let last = spans.last, last.style == style {
                spans[spans.count - 1].text.append(character)
            } else {
                spans.append(Span(String(character), style))
            }
        }
        canvas.draw(spans, x: rect.x, y: rect.y, maxWidth: room)
    }
}
