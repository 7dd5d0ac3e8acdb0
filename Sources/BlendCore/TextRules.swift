/// The one rule for the characters of everything a user names or writes into a project: clip
/// names, encoder names, fusion names, tags and notes.
///
/// Refused anywhere in such a text:
/// - C0 control characters U+0000–U+001F — NUL, escape, and also tab, line feed and carriage
///   return: a name and a tag are one line. A note alone may hold line feeds (U+000A, never
///   CR): the store and every export keep its lines (the TUI edits it on one line);
/// - DEL U+007F and the C1 controls U+0080–U+009F;
/// - the bidirectional controls (Unicode's Bidi_Control: U+061C, U+200E, U+200F, the embeddings
///   and overrides U+202A–U+202E, the isolates U+2066–U+2069), which make a name display as
///   another one;
/// - the line and paragraph separators U+2028, U+2029;
/// - U+FFFD, the replacement character: it is what bytes that were not UTF-8 turn into on the
///   command line, so it marks damaged input rather than a name.
///
/// Files that are not valid UTF-8 are refused by their readers before this rule is applied.
/// Everything else — letters of any script, emoji, spaces inside a note — is allowed.
public enum TextRules {
    /// A forbidden character in a text: which one, and where (1-based, in characters).
    public struct Violation: Error, Equatable, Sendable, CustomStringConvertible {
        /// What the text is, for the message: "clip name", "tag", "encoder name" ...
        public let subject: String
        public let scalar: Unicode.Scalar
        public let position: Int
        /// The text with forbidden characters spelled `\u{…}`, safe to print.
        public let visibleText: String

        public var description: String {
            "\(subject) '\(visibleText)' contains \(TextRules.describe(scalar)) at character \(position)"
                + " (names, tags and notes may not contain control characters or bidirectional controls, "
                + "and only a note may span lines)"
        }
    }

    /// Whether `scalar` may not appear in a name, tag or note.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0xFFFD: true
        case 0x20..<0x7F: false
        default: scalar.properties.isBidiControl
        }
    }

    /// The first forbidden character of `text` and its 1-based character position; with
    /// `lineFeeds`, U+000A is allowed (a note's line breaks).
    public static func firstForbidden(in text: String, lineFeeds: Bool = false) -> (scalar: Unicode.Scalar, position: Int)? {
        // Printable ASCII (nearly every name): nothing to find, and no need to split the text
        // into characters; every read of a clip name checks it.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F || lineFeeds && $0 == 0x0A }) { return nil }
        var position = 0
        for character in text {
            position += 1
            if let bad = character.unicodeScalars.first(where: { isForbidden($0) && !(lineFeeds && $0 == "\n") }) {
                return (bad, position)
            }
        }
        return nil
    }

    /// Throws when `text` holds a forbidden character; `subject` names the text in the message.
    public static func check(_ text: String, as subject: String, lineFeeds: Bool = false) throws(Violation) {
        guard let (scalar, position) = firstForbidden(in: text, lineFeeds: lineFeeds) else { return }
        throw Violation(subject: subject, scalar: scalar, position: position, visibleText: visible(text))
    }

    /// `text` with every forbidden character written `\u{001B}` (`SafeText.visible`), so that a message quoting a
    /// refused text cannot itself move the cursor, change colours or reorder a line.
    public static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isForbidden) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) {
                result.append(contentsOf: SafeText.visible(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// `U+001B (a control character)`, `U+202E (a bidirectional control)` ...
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let kind = switch scalar.value {
        case 0x00: "a NUL byte"
        case 0x09: "a tab"
        case 0x0A, 0x0D, 0x2028, 0x2029: "a line break"
        case 0xFFFD: "a replacement character, left by bytes that were not UTF-8"
        case 0x00...0x1F, 0x7F...0x9F: "a control character"
        default: "a bidirectional control"
        }
        return "U+\(hex(scalar)) (\(kind))"
    }

    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
