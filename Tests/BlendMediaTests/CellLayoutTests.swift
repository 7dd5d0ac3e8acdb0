import XCTest
import BlendMedia

final class CellLayoutTests: XCTestCase {
    func testLandscapeIsLimitedByHeight() {
        // 4:3 in 80×24 cells twice as tall as wide: 48 square pixels high, so 64 wide.
        let layout = CellLayout(displayAspect: 4.0 / 3.0, columns: 80, rows: 24, mode: .half)
        XCTAssertEqual(layout.columns, 64)
        XCTAssertEqual(layout.rows, 24)
        XCTAssertEqual(layout.pixels, PixelSize(width: 64, height: 48))
    }

    func testWideIsLimitedByWidth() {
        let layout = CellLayout(displayAspect: 16.0 / 9.0, columns: 40, rows: 24, mode: .half)
        XCTAssertEqual(layout.columns, 40)
        XCTAssertEqual(layout.rows, 11)
    }

    func testPortraitFromARotatedPhoneClip() {
        let layout = CellLayout(displayAspect: 9.0 / 16.0, columns: 80, rows: 24, mode: .quad)
        XCTAssertEqual(layout.rows, 24)
        XCTAssertEqual(layout.columns, 27)
        XCTAssertEqual(layout.pixels, PixelSize(width: 54, height: 48))
    }

    func testSquareDemoClip() {
        let layout = CellLayout(displayAspect: 1, columns: 30, rows: 30, mode: .half)
        XCTAssertEqual(layout.columns, 30)
        XCTAssertEqual(layout.rows, 15)
    }

    func testNeverSmallerThanOneCell() {
        let layout = CellLayout(displayAspect: 100, columns: 3, rows: 3, mode: .half)
        XCTAssertEqual(layout.rows, 1)
        XCTAssertEqual(layout.columns, 3)
    }
}
