import BlendCore

/// A one-line text being edited (search, notes, tags, a typed α), with its cursor. Kept in
/// app state; `handle(_:)` applies the usual editing keys and says whether it used the key.
public struct TextInput: Hashable, Sendable {
    public private(set) var text: String
    /// Cursor position in characters, 0...text.count.
    public private(set) var cursor: Int

    /// Starts with `text`, less any character `TextRules` forbids (a note read from a store
    /// edited by hand must not reach the terminal raw through the editor).
    public init(_ text: String = "") {
        self.text = Self.allowed(text)
        cursor = self.text.count
    }

    /// Applies an editing key: printable characters insert; Backspace, Delete, ←/→,
    /// Home/End (and ctrl+a/ctrl+e), ctrl+u (clear before the cursor) and ctrl+w (delete a
    /// word back). Returns false for keys it does not use (Enter, Esc, ↑/↓ ...).
    ///
    /// A character `TextRules` forbids (a C1 control, a bidirectional override, typed or
    /// pasted) is used but dropped: no input field ever holds one.
    @discardableResult
    public mutating func handle(_ chord: KeyChord) -> Bool {
        var characters = Array(text)
        switch (chord.key, chord.modifiers) {
        case (.character(let c), _) where c.unicodeScalars.contains(where: TextRules.isForbidden):
            return true
        case (.character(let c), let modifiers) where modifiers.isDisjoint(with: [.ctrl, .alt]):
            characters.insert(c, at: cursor)
            cursor += 1
        case (.backspace, _):
            guard cursor > 0 else { return true }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case (.delete, _), (.character("d"), .ctrl):
            guard cursor < characters.count else { return true }
            characters.remove(at: cursor)
        case (.left, _), (.character("b"), .ctrl):
            cursor = max(0, cursor - 1)
        case (.right, _), (.character("f"), .ctrl):
            cursor = min(characters.count, cursor + 1)
        case (.home, _), (.character("a"), .ctrl):
            cursor = 0
        case (.end, _), (.character("e"), .ctrl):
            cursor = characters.count
        case (.character("u"), .ctrl):
            characters.removeFirst(cursor)
            cursor = 0
        case (.character("w"), .ctrl):
            var start = cursor
            while start > 0 && characters[start - 1] == " " { start -= 1 }
            while start > 0 && characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        text = String(characters)
        return true
    }

    /// Replaces the whole text (less forbidden characters), cursor at the end.
    public mutating func set(_ newText: String) {
        text = Self.allowed(newText)
        cursor = text.count
    }

    private static func allowed(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: TextRules.isForbidden) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { !TextRules.isForbidden($0) }))
    }
}

/// Draws a `TextInput` on one row with its cursor (reverse video, so it shows without
/// colour), scrolled sideways so the cursor stays in view; `placeholder` shows when empty.
public struct TextField: Widget {
    public var input: TextInput
    public var placeholder: String
    public var focused: Bool
    public var style: Style

    public init(_ input: TextInput, placeholder: String = "", focused: Bool = true, style: Style = Style(fg: .text)) {
        self.input = input
        self.placeholder = placeholder
        self.focused = focused
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        if input.text.isEmpty && !placeholder.isEmpty {
            canvas.draw(placeholder, x: row.x + (focused ? 1 : 0), y: row.y, maxWidth: row.width - (focused ? 1 : 0),
                        style: Style(fg: .muted), clip: row)
        }
        let characters = Array(input.text)
        // Scroll so that the cursor cell (one past the text at the end) fits.
        var start = 0
        while start < input.cursor
            && DisplayWidth.of(String(characters[start..<input.cursor])) + 1 > row.width {
            start += 1
        }
        var x = row.x
        for index in start..<characters.count {
            let w = DisplayWidth.of(characters[index])
            guard x + w <= row.maxX else { break }
            let cursorHere = focused && index == input.cursor
            x += canvas.put(characters[index], x: x, y: row.y, style: cursorHere ? style.reversed() : style, clip: row)
        }
        if focused && input.cursor == characters.count && x < row.maxX {
            canvas.put(" ", x: x, y: row.y, style: style.reversed(), clip: row)
        }
    }
}
