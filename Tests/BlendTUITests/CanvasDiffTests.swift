import XCTest
@testable import BlendTUI

final class CanvasDiffTests: XCTestCase {
    func testDiffYieldsExactlyTheChangedCells() {
        var old = Canvas(width: 10, height: 3)
        old.draw("status ok", x: 0, y: 0)
        old.draw("row two", x: 0, y: 1)
        var new = old
        new.draw("fail", x: 7, y: 0, truncation: .clip)  // "ok" → "fa", "il" clipped at the edge
        new.paint(Rect(x: 0, y: 2, width: 2, height: 1), Style(bg: .selection))
        let changes = new.changes(from: old)
        XCTAssertEqual(changes.map { "\($0.x),\($0.y)" }, ["7,0", "8,0", "9,0", "0,2", "1,2"])
        XCTAssertEqual(changes[0].cell.grapheme, "f")
        XCTAssertEqual(changes[2].cell.grapheme, "i")
        XCTAssertEqual(new.changes(from: new), [])
    }

    func testDiffOfWideCharacters() {
        var old = Canvas(width: 4, height: 1)
        old.draw("ab", x: 0, y: 0)
        var new = Canvas(width: 4, height: 1)
        new.draw("日", x: 0, y: 0)
        let changes = new.changes(from: old)
        XCTAssertEqual(changes.map(\.x), [0, 1])
        XCTAssertTrue(changes[1].cell.isContinuation)
    }

    func testResizeOrFirstFrameRedrawsEverything() {
        let canvas = Canvas(width: 3, height: 2)
        XCTAssertEqual(canvas.changes(from: nil).count, 6)
        XCTAssertEqual(canvas.changes(from: Canvas(width: 2, height: 2)).count, 6)
    }
}
