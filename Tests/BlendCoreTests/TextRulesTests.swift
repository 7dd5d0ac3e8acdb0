import XCTest
import BlendCore

final class TextRulesTests: XCTestCase {
    func testForbiddenCharacters() {
        let forbidden: [UInt32] = [0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F,
                                   0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
                                   0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029, 0xFFFD]
        for value in forbidden {
            let scalar = Unicode.Scalar(value)!
            XCTAssertTrue(TextRules.isForbidden(scalar), "U+\(String(value, radix: 16))")
            XCTAssertThrowsError(try TextRules.check("ab\(Character(scalar))c", as: "tag")) { error in
                let violation = error as? TextRules.Violation
                XCTAssertEqual(violation?.position, 3)
                XCTAssertEqual(violation?.scalar, scalar)
            }
        }
    }

    func testOrdinaryTextIsAllowed() throws {
        for text in ["A102_ang_int1_ver1", "brows read as fear", "Zoë", "😀 suspect", "日本語", "ﾟ", "a\u{301}", "x" + String(repeating: " ", count: 3) + "y", "\u{A0}nbsp"] {
            XCTAssertNil(TextRules.firstForbidden(in: text), text)
            try TextRules.check(text, as: "note")
        }
    }

    func testTheMessageQuotesTheTextSafely() {
        XCTAssertThrowsError(try TextRules.check("bad\u{1B}]0;pwned\u{7}\u{202E}", as: "tag")) { error in
            XCTAssertEqual("\(error)", #"tag 'bad\u{001B}]0;pwned\u{0007}\u{202E}' contains U+001B (a control character) at character 4"#
                           + " (names, tags and notes may not contain control characters or bidirectional controls,"
                           + " and only a note may span lines)")
        }
        XCTAssertEqual(TextRules.visible("a\nb"), #"a\u{000A}b"#)
        XCTAssertEqual(TextRules.visible("plain"), "plain")
        XCTAssertEqual(TextRules.describe("\n"), "U+000A (a line break)")
        XCTAssertEqual(TextRules.describe("\u{FFFD}"), "U+FFFD (a replacement character, left by bytes that were not UTF-8)")
    }

    func testANoteMaySpanLinesButNothingElseMay() throws {
        try TextRules.check("occluded\nat 2 s", as: "note", lineFeeds: true)
        XCTAssertThrowsError(try TextRules.check("occluded\nat 2 s", as: "tag"))
        XCTAssertEqual(TextRules.firstForbidden(in: "a\r\nb", lineFeeds: true)?.scalar, "\r")
        XCTAssertEqual(TextRules.firstForbidden(in: "a\n\tb", lineFeeds: true)?.position, 3)
    }

    func testPositionCountsCharactersNotScalars() {
        // "é" written as e + combining accent is one character.
        XCTAssertEqual(TextRules.firstForbidden(in: "e\u{301}\u{7F}")?.position, 2)
        // A forbidden scalar inside a grapheme cluster is still found.
        XCTAssertEqual(TextRules.firstForbidden(in: "ab\r\n")?.position, 3)
    }
}
