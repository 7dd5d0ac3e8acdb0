import BlendCore
import XCTest
@testable import BlendTUI

final class CanvasTests: XCTestCase {
    func testTextDrawingClipsWithEllipsis() {
        var canvas = Canvas(width: 12, height: 3)
        canvas.draw("hello", x: 0, y: 0)
        canvas.draw("a long line of text", x: 2, y: 1)
        canvas.draw("cut here", x: 0, y: 2, maxWidth: 5, truncation: .clip)
        XCTAssertEqual(canvas.text(), """
            hello
              a long li…
            cut h
            """)
    }

    func testWideCharactersTakeTwoCellsAndNeverSplit() {
        var canvas = Canvas(width: 7, height: 2)
        XCTAssertEqual(canvas.draw("日本語", x: 0, y: 0), 6)
        XCTAssertEqual(canvas[0, 0].width, 2)
        XCTAssertTrue(canvas[1, 0].isContinuation)
        // Only half of the fourth wide character would fit: it becomes a space.
        canvas.draw("ab日", x: 4, y: 1, truncation: .clip)
        XCTAssertEqual(canvas.text(), "日本語\n    ab")
        XCTAssertEqual(canvas[6, 1].grapheme, " ")
        XCTAssertFalse(canvas[6, 1].isContinuation)
    }

    func testOverwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var canvas = Canvas(width: 6, height: 1)
        canvas.draw("日本語", x: 0, y: 0)
        canvas.put("x", x: 1, y: 0)  // right half of 日
        canvas.put("y", x: 2, y: 0)  // left half of 本
        XCTAssertEqual(canvas.text(), " xy 語")
        XCTAssertEqual(canvas.cells.map(\.width), [1, 1, 1, 1, 2, 0])
    }

    func testWideCharacterOverNarrowOnesAndClipRect() {
        var canvas = Canvas(width: 8, height: 1)
        canvas.draw("abcdefgh", x: 0, y: 0)
        let clip = Rect(x: 0, y: 0, width: 4, height: 1)
        canvas.draw("日日", x: 1, y: 0, clip: clip)
        XCTAssertEqual(canvas.text(), "a日…efgh", "three cells: one wide character and the ellipsis")
        XCTAssertEqual(canvas.put("日", x: 3, y: 0, clip: clip), 2)
        XCTAssertEqual(canvas.text(), "a日 efgh", "no room for the right half: a space instead")
    }

    func testSpansAreCutAsOneLine() {
        var canvas = Canvas(width: 10, height: 1)
        let accent = Style(fg: .accent)
        canvas.draw([Span("α 0.12 ", accent), Span("β 0.20")], x: 0, y: 0, maxWidth: 9)
        XCTAssertEqual(canvas.text(), "α 0.12 β…")
        XCTAssertEqual(canvas[7, 0].style, .plain)
        XCTAssertEqual(canvas[8, 0].style, .plain, "the ellipsis takes the style of the span it cuts")
        XCTAssertEqual(canvas[0, 0].style, accent)
    }

    func testStylesLayerAndDump() {
        var canvas = Canvas(width: 6, height: 2)
        canvas.fill(canvas.bounds, style: Style(bg: .overlay))
        canvas.draw("ok", x: 1, y: 0, style: Style(fg: .success).bold())
        canvas.paint(Rect(x: 0, y: 1, width: 3, height: 1), Style(bg: .selection))
        XCTAssertEqual(canvas[1, 0].style, Style(fg: .success, bg: .overlay, .bold))
        XCTAssertEqual(canvas.styledDump(), """
            # row first–last-column style "text covered"; cells without one are left out
            0 0–0 bg=overlay " "
            0 1–2 fg=success bg=overlay bold "ok"
            0 3–5 bg=overlay "   "
            1 0–2 bg=selection "   "
            1 3–5 bg=overlay "   "
            """)
    }

    func testAlignedDrawing() {
        var canvas = Canvas(width: 9, height: 3)
        canvas.draw("mid", in: canvas.bounds.row(0), alignment: .center)
        canvas.draw("right", in: canvas.bounds.row(1), alignment: .right)
        canvas.draw("much too long", in: canvas.bounds.row(2), alignment: .right)
        XCTAssertEqual(canvas.text(), "   mid\n    right\nmuch too…")
    }

    func testHitRegionsTopmostWins() {
        var canvas = Canvas(width: 10, height: 5)
        canvas.markRegion(canvas.bounds, id: "screen")
        canvas.markRegion(Rect(x: 2, y: 1, width: 3, height: 1), id: "row:1")
        XCTAssertEqual(canvas.region(atX: 3, y: 1), "row:1")
        XCTAssertEqual(canvas.region(atX: 3, y: 2), "screen")
        XCTAssertNil(canvas.region(atX: 12, y: 2))
    }

    func testControlCharactersAreShownAsReplacement() {
        var canvas = Canvas(width: 5, height: 1)
        canvas.draw("a\tb", x: 0, y: 0)
        XCTAssertEqual(canvas.text(), "a\u{FFFD}b")
    }
}

/// A note typed in the TUI or a clip name from a file never puts a raw control on screen.
final class CanvasControlTextTests: XCTestCase {
    static let hostile = "x\u{1b}]0;pwned\u{07}y\u{202E}z\u{9b}2J\u{2066}w\r\nq"

    func testDrawnTextKeepsNoControlOrBidiOverride() {
        var canvas = Canvas(width: 40, height: 3)
        canvas.draw(Self.hostile, x: 0, y: 0)
        canvas.draw([Span("note: "), Span(Self.hostile)], x: 0, y: 1)
        canvas.fill(Rect(x: 0, y: 2, width: 3, height: 1), "\u{1b}")
        for y in 0..<3 {
            for x in 0..<40 {
                for scalar in canvas[x, y].grapheme.unicodeScalars {
                    XCTAssertFalse(SafeText.isUnsafe(scalar, keepingLineBreaks: false), "U+\(String(scalar.value, radix: 16)) at \(x),\(y)")
                }
            }
        }
        let row = (0..<40).map { String(canvas[$0, 0].grapheme) }.joined()
        XCTAssertTrue(row.hasPrefix("x\u{FFFD}]0;pwned\u{FFFD}yz\u{FFFD}2Jw\u{FFFD}q"), row)
    }
}
