import BlendCore
import Foundation
import XCTest

final class SafeTextTests: XCTestCase {
    static let hostile = "a\u{1b}]0;pwned\u{07}b\u{202E}c\u{9b}2Jd\u{7f}\re\u{2066}f"

    func testTerminalTextShowsEveryControlAndBidiOverrideAsAVisibleEscape() {
        XCTAssertEqual(SafeText.terminal(Self.hostile), "a\\u{001B}]0;pwned\\u{0007}b\\u{202E}c\\u{009B}2Jd\\u{007F}\\u{000D}e\\u{2066}f")
        XCTAssertEqual(SafeText.terminal("line\n\tnext"), "line\n\tnext", "line breaks and tabs kept by default")
        XCTAssertEqual(SafeText.terminal("a\nb", keepingLineBreaks: false), "a\\u{000A}b")
        XCTAssertEqual(SafeText.terminal("A1_mix_ang_hap_50_50_ver1 · α β → ✓"), "A1_mix_ang_hap_50_50_ver1 · α β → ✓")
        for scalar in SafeText.terminal(Self.hostile, keepingLineBreaks: false).unicodeScalars {
            XCTAssertFalse(SafeText.isUnsafe(scalar, keepingLineBreaks: false), "\(scalar.value)")
        }
    }

    func testEveryBidiControlTheIssueNamesIsUnsafe() throws {
        for value in Array(0x202A...0x202E) + Array(0x2066...0x2069) {
            XCTAssertTrue(SafeText.isUnsafe(try XCTUnwrap(Unicode.Scalar(UInt32(value)))), String(value, radix: 16))
        }
        XCTAssertFalse(SafeText.isUnsafe("é"))
        XCTAssertFalse(SafeText.isUnsafe("\u{200D}"), "a joiner inside emoji is not a control")
    }

    func testJSONEscapesAreTheSameStringForAReader() throws {
        let json = SafeText.json("{\"note\": \"x\u{202E}y\u{9b}\"}\n")
        XCTAssertEqual(json, "{\"note\": \"x\\u202ey\\u009b\"}\n")
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
        XCTAssertEqual(decoded["note"], "x\u{202E}y\u{9b}")
    }
}
