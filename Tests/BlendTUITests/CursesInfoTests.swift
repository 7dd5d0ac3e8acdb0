import XCTest
@testable import BlendTUI

final class CursesInfoTests: XCTestCase {
    func testLinkedAgainstNcurses() {
        XCTAssertTrue(CursesInfo.version.hasPrefix("ncurses "), CursesInfo.version)
    }
}
