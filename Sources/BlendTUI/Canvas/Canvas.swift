/// A grid of cells that views draw into. Everything above the backend renders into a canvas,
/// so every screen can be tested as plain text without a terminal.
public struct Canvas: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// Row-major: the cell at (x, y) is `cells[y * width + x]`.
    public private(set) var cells: [Cell]
    /// Clickable areas, in drawing order (the last one drawn is on top).
    public private(set) var hitRegions: [HitRegion] = []
    /// Pictures the terminal draws over blank cells (`place`), for the runtime's graphics layer.
    public internal(set) var images: [CanvasImage] = []

    public init(width: Int, height: Int, fill: Cell = .blank) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: fill, count: self.width * self.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < width && y >= 0 && y < height, "cell (\(x),\(y)) outside \(width)×\(height)")
        return cells[y * width + x]
    }

    // MARK: Drawing

    /// Puts one grapheme cluster at (x, y), clipped to `clip` (and the canvas). A wide
    /// character that has no room for its right half is drawn as a space instead; a wide
    /// character that is partly overwritten loses its other half to a space, so no stray
    /// halves remain. Returns the cells the cluster advances (0 for a lone zero-width mark).
    @discardableResult
    public mutating func put(_ character: Character, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let (shown, w) = DisplayWidth.printableAndWidth(character)
        guard w > 0 else { return 0 }
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard area.contains(x: x, y: y) else { return w }
        if w == 2 && !area.contains(x: x + 1, y: y) {
            write(Cell(" ", width: 1, style: style.over(cells[y * width + x].style)), x: x, y: y)
            return w
        }
        write(Cell(shown, width: UInt8(w), style: style.over(cells[y * width + x].style)), x: x, y: y)
        if w == 2 {
            write(Cell(" ", width: 0, style: style.over(cells[y * width + x + 1].style)), x: x + 1, y: y)
        }
        return w
    }

    /// Fills `rect` with `character` (a space by default) in `style`, over what is there.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            var x = area.x
            while x < area.maxX {
                x += max(1, put(character, x: x, y: y, style: style, clip: area))
            }
        }
    }

    /// Replaces every cell of `rect` with a blank cell in exactly `style` (not layered).
    public mutating func clear(_ rect: Rect, style: Style = .plain) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            // Wide characters straddling the edges lose their outside half too.
            if area.x > 0, cells[y * width + area.x].isContinuation {
                cells[y * width + area.x - 1] = Cell(" ", width: 1, style: cells[y * width + area.x - 1].style)
            }
            if area.maxX < width, cells[y * width + area.maxX].isContinuation {
                cells[y * width + area.maxX] = Cell(" ", width: 1, style: cells[y * width + area.maxX].style)
            }
            for x in area.x..<area.maxX { cells[y * width + x] = Cell(" ", width: 1, style: style) }
        }
    }

    /// Layers `style` over the cells of `rect` without changing their characters.
    public mutating func paint(_ rect: Rect, _ style: Style) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        for y in area.y..<area.maxY {
            for x in area.x..<area.maxX {
                cells[y * width + x].style = style.over(cells[y * width + x].style)
            }
        }
    }

    /// Draws `text` on row `y` from column `x`, in at most `maxWidth` cells (and never past
    /// `clip` or the canvas edge); text that does not fit is cut, with `…` by default.
    /// Returns the cells used.
    @discardableResult
    public mutating func draw<S: StringProtocol>(_ text: S, x: Int, y: Int, maxWidth: Int? = nil,
                                                 style: Style = .plain, truncation: Truncation = .ellipsis,
                                                 clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        guard y >= area.y, y < area.maxY, x < area.maxX else { return 0 }
        let room = min(maxWidth ?? Int.max, area.maxX - x)
        guard room > 0 else { return 0 }
        let shown = TextFit.truncate(text, to: room, truncation)
        var column = x
        for character in shown {
            column += put(character, x: column, y: y, style: style, clip: area)
        }
        return column - x
    }

    /// Draws spans one after another on row `y`; the line as a whole is cut to `maxWidth`
    /// with an ellipsis. Returns the cells used.
    @discardableResult
    public mutating func draw(_ spans: [Span], x: Int, y: Int, maxWidth: Int? = nil,
                              truncation: Truncation = .ellipsis, clip: Rect? = nil) -> Int {
        let area = clip.map { $0.intersection(bounds) } ?? bounds
        let room = min(maxWidth ?? Int.max, area.maxX - x)
        guard room > 0 else { return 0 }
        let total = spans.width
        var column = x
        if total <= room {
            for span in spans {
                column += draw(span.text, x: column, y: y, style: span.style, truncation: .clip, clip: area)
            }
            return column - x
        }
        // Too long: fill up to the last cell, then mark the cut in the style of the span cut.
        let budget = truncation == .ellipsis ? room - 1 : room
        var lastStyle = spans.first?.style ?? .plain
        for span in spans {
            let left = budget - (column - x)
            if left <= 0 { break }
            lastStyle = span.style
            let piece = TextFit.truncate(span.text, to: left, .clip)
            column += draw(piece, x: column, y: y, style: span.style, truncation: .clip, clip: area)
        }
        if truncation == .ellipsis {
            column += put(TextFit.ellipsis, x: column, y: y, style: lastStyle, clip: area)
        }
        return column - x
    }

    /// Draws `text` aligned within `rect`'s first row, cut with an ellipsis when too long.
    public mutating func draw<S: StringProtocol>(_ text: S, in rect: Rect, alignment: Alignment, style: Style = .plain) {
        guard !rect.isEmpty else { return }
        let shown = TextFit.truncate(text, to: rect.width)
        let gap = rect.width - DisplayWidth.of(shown)
        let offset = switch alignment {
        case .left: 0
        case .center: gap / 2
        case .right: gap
        }
        draw(shown, x: rect.x + offset, y: rect.y, style: style, truncation: .clip, clip: rect)
    }

    // MARK: Hit regions

    /// Marks `rect` as clickable under `id`, so a mouse click can be traced to what was there.
    public mutating func markRegion(_ rect: Rect, id: String) {
        let area = rect.intersection(bounds)
        guard !area.isEmpty else { return }
        hitRegions.append(HitRegion(rect: area, id: id))
    }

    /// The id of the topmost region under (x, y), if any.
    public func region(atX x: Int, y: Int) -> String? {
        hitRegions.last(where: { $0.rect.contains(x: x, y: y) })?.id
    }

    // MARK: Private

    /// Stores `cell`, first breaking any wide character that it would cut in half.
    private mutating func write(_ cell: Cell, x: Int, y: Int) {
        let index = y * width + x
        let old = cells[index]
        if old.isContinuation && cell.width != 0 && x > 0 {
            cells[index - 1] = Cell(" ", width: 1, style: cells[index - 1].style)
        }
        if old.width == 2 && cell.width != 2 && x + 1 < width {
            cells[index + 1] = Cell(" ", width: 1, style: cells[index + 1].style)
        }
        cells[index] = cell
    }
}

/// A clickable rectangle and what it stands for (e.g. `tab:clips`, `row:42`).
public struct HitRegion: Hashable, Sendable {
    public var rect: Rect
    public var id: String
}
