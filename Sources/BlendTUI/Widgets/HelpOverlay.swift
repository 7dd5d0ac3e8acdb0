/// One line of the help overlay.
public struct HelpEntry: Hashable, Sendable {
    /// The keys, as shown (`j ↓`).
    public var keys: String
    public var title: String
    /// Why the command cannot run now, if it cannot.
    public var disabledReason: String?

    public init(keys: String, title: String, disabledReason: String? = nil) {
        self.keys = keys
        self.title = title
        self.disabledReason = disabledReason
    }
}

/// A titled group of help lines (Global, Clips, ...).
public struct HelpSection: Hashable, Sendable {
    public var title: String
    public var entries: [HelpEntry]

    public init(title: String, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

/// Every key binding, grouped by screen, in a box over the middle of the screen. Long lists
/// scroll (`offset` is the first line shown) and flow into two columns when wide enough.
public struct HelpOverlay: Widget {
    public var sections: [HelpSection]
    public var offset: Int

    public init(sections: [HelpSection], offset: Int = 0) {
        self.sections = sections
        self.offset = offset
    }

    /// The lines the overlay scrolls through, for clamping `offset` from outside.
    public var lineCount: Int { lines.count }

    public func render(into canvas: inout Canvas, area: Rect) {
        let box = area.centered(width: min(area.width - 2, 100), height: area.height - 2)
        guard box.width >= 20, box.height >= 4 else { return }
        canvas.clear(box, style: Style(bg: .overlay))
        let block = Block(title: "Help", trailingTitle: "Esc close · ↑↓ scroll", focused: true, fill: Style(bg: .overlay))
        block.render(into: &canvas, area: box)
        let inner = block.inner(box).inset(Edges(horizontal: 1, vertical: 0))
        let all = lines
        let keyWidth = min(16, (all.compactMap { $0.entry.map { DisplayWidth.of($0.keys) } }.max() ?? 4) + 2)
        let columnWidth = keyWidth + 34
        let columns = inner.width >= 2 * columnWidth + 3 && all.count > inner.height ? 2 : 1
        let pieces = inner.split(.horizontal, Array(repeating: .fill(1), count: columns), spacing: 3)
        let perColumn = inner.height
        let first = min(max(0, offset), max(0, all.count - perColumn * columns))
        for (c, rect) in pieces.enumerated() {
            for row in 0..<perColumn {
                let index = first + c * perColumn + row
                guard index < all.count else { break }
                draw(all[index], into: &canvas, at: rect.row(row), keyWidth: keyWidth)
            }
        }
        if first + perColumn * columns < all.count {
            canvas.draw(" ↓ more ", in: Rect(x: box.x + 1, y: box.maxY - 1, width: box.width - 2, height: 1),
                        alignment: .center, style: Style(fg: .accent))
        }
    }

    private var lines: [(section: String?, entry: HelpEntry?)] {
        var result: [(String?, HelpEntry?)] = []
        for section in sections where !section.entries.isEmpty {
            if !result.isEmpty { result.append((nil, nil)) }
            result.append((section.title, nil))
            for entry in section.entries { result.append((nil, entry)) }
        }
        return result
    }

    private func draw(_ line: (section: String?, entry: HelpEntry?), into canvas: inout Canvas, at rect: Rect, keyWidth: Int) {
        if let section = line.section {
            canvas.draw(section, x: rect.x, y: rect.y, maxWidth: rect.width, style: Style(fg: .accent, .bold), clip: rect)
        } else if let entry = line.entry {
            let enabled = entry.disabledReason == nil
            canvas.draw(TextFit.fit(entry.keys, width: keyWidth), x: rect.x, y: rect.y,
                        style: Style(fg: enabled ? .focus : .muted, .bold), clip: rect)
            var spans = [Span(entry.title, Style(fg: enabled ? .text : .muted))]
            if let reason = entry.disabledReason { spans.append(Span(" (\(reason))", Style(fg: .muted, .dim))) }
            canvas.draw(spans, x: rect.x + keyWidth, y: rect.y, maxWidth: rect.width - keyWidth, clip: rect)
        }
    }
}
