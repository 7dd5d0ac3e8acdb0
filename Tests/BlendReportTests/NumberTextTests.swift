import BlendCore
import XCTest
@testable import BlendReport

/// The one formatter's rounding and the looks built on it.
final class NumberTextTests: XCTestCase {
    func testRoundsTheScaledValueHalfAwayFromZero() {
        XCTAssertEqual(NumberText.fixed(0.2706, places: 3), "0.271")
        XCTAssertEqual(NumberText.fixed(0.27049, places: 3), "0.270")
        XCTAssertEqual(NumberText.fixed(-1.25, places: 1), "-1.3")
        XCTAssertEqual(NumberText.fixed(7, places: 0), "7")
        XCTAssertEqual(NumberText.fixed(0.05, places: 4), "0.0500")
        XCTAssertEqual(NumberText.fixed(0.995, places: 2), "1.00")
        // Where C's `%.3f` (the CLI's formatter before) says otherwise: exact binary ties go to
        // the even digit there (`0.062`, `0.562`), and 0.2705, stored a hair below the
        // midpoint, rounds down (`0.270`).
        XCTAssertEqual(NumberText.fixed(0.0625, places: 3), "0.063")
        XCTAssertEqual(NumberText.fixed(0.5625, places: 3), "0.563")
        XCTAssertEqual(NumberText.fixed(0.2705, places: 3), "0.271")
    }

    func testAZeroResultHasNoSign() {
        XCTAssertEqual(NumberText.fixed(-0.0004, places: 3), "0.000")
        XCTAssertEqual(NumberText.fixed(-0.0, places: 2), "0.00")
        XCTAssertEqual(NumberText.fixed(-0.4, places: 0), "0")
        XCTAssertEqual(NumberText.fixed(-0.6, places: 0), "-1")
    }

    func testNonFiniteAndHugeNumbersAsSwiftSpellsThem() {
        XCTAssertEqual(NumberText.fixed(.nan, places: 3), "nan")
        XCTAssertEqual(NumberText.fixed(.infinity, places: 3), "inf")
        XCTAssertEqual(NumberText.fixed(-.infinity, places: 3), "-inf")
        XCTAssertEqual(NumberText.fixed(1e300, places: 2), "1e+300")
    }

    func testLooks() {
        XCTAssertEqual(NumberText.fixed(0.418, places: 3, leadingZero: false), ".418")
        XCTAssertEqual(NumberText.fixed(-0.024, places: 3, leadingZero: false, minus: "−"), "−.024")
        XCTAssertEqual(NumberText.fixed(1.5, places: 3, leadingZero: false), "1.500")
        XCTAssertEqual(NumberText.rate(0.2709), ".271")
        XCTAssertEqual(NumberText.rate(-0.012), "-.012")
        XCTAssertEqual(NumberText.threshold(0.0974), "0.0974")
        // The CLI keeps a negative rate's zero, as it always printed it.
        XCTAssertEqual(ReportText.rate(-0.012), "-0.012")
        XCTAssertEqual(ReportText.rate(0.2709), ".271")
        XCTAssertEqual(ReportText.rate(0.207, Interval(0.188, 0.226)), ".207 [.188, .226]")
        XCTAssertEqual(ReportText.rate(0.207, nil), ".207")
        XCTAssertEqual(ReportText.threshold(0.0974, Interval(0.05, 0.1447)), "0.0974 [0.0500, 0.1447]")
        XCTAssertEqual(ReportText.percent(0.95), "95%")
        XCTAssertEqual(ReportText.percent(0.995), "99.5%")
    }
}
