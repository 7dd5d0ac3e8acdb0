/// Text from a file or a user (clip names, notes, tags, paths) made safe for where it is
/// shown. A terminal obeys control characters: ESC starts sequences that can retitle the
/// window, rewrite the screen or paste into the shell, CR overwrites a line, and the bidi
/// overrides reorder what is read. Each sink has one function that every writer uses:
/// `terminal` here (standard output and error); Markdown and LaTeX escape on top of it.
public enum SafeText {
    /// Whether `scalar` must not reach a reader raw: C0 controls (tab and line feed only when
    /// `keepingLineBreaks`), DEL, C1 controls, and the bidi embeddings, overrides and isolates
    /// U+202A–U+202E and U+2066–U+2069.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// What is shown instead: `\x1b` for a control, `\u{202E}` for a bidi control.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        if scalar.value <= 0xFF { return "\\x" + (digits.count < 2 ? "0" + digits : digits) }
        return "\\u{" + digits.uppercased() + "}"
    }

    /// `text` with every unsafe scalar replaced by its visible escape; text without any is
    /// returned as it is.
    public static func terminal(_ text: String, keepingLineBreaks: Bool = true) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0, keepingLineBreaks: keepingLineBreaks) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar, keepingLineBreaks: keepingLineBreaks) {
                out.append(contentsOf: visible(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// JSON text with every unsafe scalar written as a `\uXXXX` escape: the same string to a
    /// JSON reader, and nothing a terminal obeys. Only valid where such scalars can occur,
    /// inside strings, which is everywhere but the line breaks between values (kept).
    public static func json(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isUnsafe($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: jsonEscape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `\u001b`, `\u202e`.
    public static func jsonEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
