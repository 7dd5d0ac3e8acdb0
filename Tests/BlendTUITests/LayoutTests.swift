import XCTest
@testable import BlendTUI

final class LayoutTests: XCTestCase {
    let area = Rect(x: 0, y: 0, width: 100, height: 30)

    func testFixedRatioAndFill() {
        let parts = area.split(.horizontal, [.fixed(20), .ratio(1, 4), .fill(1)])
        XCTAssertEqual(parts.map(\.width), [20, 25, 55])
        XCTAssertEqual(parts.map(\.x), [0, 20, 45])
        XCTAssertTrue(parts.allSatisfy { $0.height == 30 })
    }

    func testFillWeightsAndSpacing() {
        let parts = area.split(.vertical, [.fixed(1), .fill(2), .fill(1), .fixed(1)], spacing: 1)
        // 30 − 3 spacing = 27: 1 + 2 fixed, 25 shared 2:1 → 16 + 9 (leftover to the last fill).
        XCTAssertEqual(parts.map(\.height), [1, 16, 9, 1])
        XCTAssertEqual(parts.map(\.y), [0, 2, 19, 29])
    }

    func testPercentAndAtLeast() {
        let parts = Rect(x: 5, y: 0, width: 50, height: 1).split(.horizontal, [.percent(40), .atLeast(10), .fill(1)])
        XCTAssertEqual(parts.map(\.width), [20, 20, 10])
        XCTAssertEqual(parts.map(\.x), [5, 25, 45])
    }

    func testNeverOverflows() {
        let parts = Rect(x: 0, y: 0, width: 10, height: 1).split(.horizontal, [.fixed(8), .fixed(8), .fill(1)])
        XCTAssertEqual(parts.map(\.width), [8, 2, 0])
        XCTAssertEqual(parts.reduce(0) { $0 + $1.width }, 10)
    }

    func testInsetCenterAndIntersection() {
        XCTAssertEqual(area.inset(by: 1), Rect(x: 1, y: 1, width: 98, height: 28))
        XCTAssertEqual(area.inset(Edges(horizontal: 2, vertical: 0)), Rect(x: 2, y: 0, width: 96, height: 30))
        XCTAssertEqual(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 3).isEmpty, true)
        XCTAssertEqual(area.centered(width: 40, height: 10), Rect(x: 30, y: 10, width: 40, height: 10))
        XCTAssertEqual(area.centered(width: 400, height: 10).width, 100)
        XCTAssertTrue(area.intersection(Rect(x: 200, y: 0, width: 5, height: 5)).isEmpty)
        XCTAssertEqual(area.intersection(Rect(x: 90, y: 25, width: 20, height: 20)), Rect(x: 90, y: 25, width: 10, height: 5))
    }
}
