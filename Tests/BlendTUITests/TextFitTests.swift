import XCTest
@testable import BlendTUI

final class TextFitTests: XCTestCase {
    func testTruncateWithEllipsis() {
        XCTAssertEqual(TextFit.truncate("blendscope", to: 20), "blendscope")
        XCTAssertEqual(TextFit.truncate("blendscope", to: 6), "blend…")
        XCTAssertEqual(TextFit.truncate("blendscope", to: 1), "…")
        XCTAssertEqual(TextFit.truncate("blendscope", to: 0), "")
        XCTAssertEqual(TextFit.truncate("blendscope", to: 5, .clip), "blend")
    }

    func testNeverSplitsAWideCharacter() {
        // 日本語 is six cells; four cells hold 日 + … (three), never half of 本.
        XCTAssertEqual(TextFit.truncate("日本語", to: 4), "日…")
        XCTAssertEqual(TextFit.truncate("日本語", to: 5), "日本…")
        XCTAssertEqual(TextFit.truncate("日本語", to: 3, .clip), "日")
        XCTAssertEqual(TextFit.fit("日本語", width: 4), "日… ")
    }

    func testFitPadsAndAligns() {
        XCTAssertEqual(TextFit.fit("ab", width: 5), "ab   ")
        XCTAssertEqual(TextFit.fit("ab", width: 5, alignment: .right), "   ab")
        XCTAssertEqual(TextFit.fit("ab", width: 5, alignment: .center), " ab  ")
        XCTAssertEqual(TextFit.fit("abcdef", width: 4, alignment: .right), "abc…")
    }
}
