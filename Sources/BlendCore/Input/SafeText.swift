/// Text from a file or a user (clip names, notes, tags, paths) made safe for where it is
/// shown. A terminal obeys control characters: ESC starts sequences that can retitle the
/// window, rewrite the screen or paste into the shell, CR overwrites a line, and the bidi
/// overrides reorder what is read. Each sink has one function that every writer uses:
/// `terminal` here (standard output and error); Markdown and LaTeX escape on top of it.
public enum SafeText {
    /// Whether `scalar` must not reach a reader raw: C0 controls (tab and line feed only when
    /// `keepingLineBreaks`), DEL, C1 controls, the bidirectional controls (embeddings,
    /// overrides, isolates and marks) and the line and paragraph separators: the characters
    /// `TextRules` refuses in names, so what is refused and what is escaped are one set.
    public static func isUnsafe(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = true) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: !keepingLineBreaks
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        default: scalar.properties.isBidiControl
        }
    }

    /// What is shown instead, as messages name the character: `\u{001B}`, `\u{202E}`.
    public static func visible(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return "\\u{" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "}"
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
