import XCTest
import BlendMedia

final class XtermPaletteTests: XCTestCase {
    func testPaletteColoursMapToThemselves() {
        for index in UInt8(16)...UInt8(255) {
            XCTAssertEqual(XtermPalette.index(of: XtermPalette.color(of: index)), index)
        }
    }

    func testKnownEntries() {
        XCTAssertEqual(XtermPalette.color(of: 16), RGB(0, 0, 0))
        XCTAssertEqual(XtermPalette.color(of: 196), RGB(255, 0, 0))
        XCTAssertEqual(XtermPalette.color(of: 173), RGB(215, 135, 95))
        XCTAssertEqual(XtermPalette.color(of: 232), RGB(8, 8, 8))
        XCTAssertEqual(XtermPalette.color(of: 255), RGB(238, 238, 238))
    }

    /// The chosen entry is as near as any of the 240 fixed entries: on every grey (where the
    /// ramp and the cube compete) and on a coarse lattice of colours.
    func testQuantisationPicksTheNearestFixedEntry() {
        func distance(_ a: RGB, _ b: RGB) -> Int {
            let d = [Int(a.r) - Int(b.r), Int(a.g) - Int(b.g), Int(a.b) - Int(b.b)]
            return d.map { $0 * $0 }.reduce(0, +)
        }
        let entries = (UInt8(16)...UInt8(255)).map { XtermPalette.color(of: $0) }
        var samples = (0...255).map { RGB(UInt8($0), UInt8($0), UInt8($0)) }
        for r in stride(from: 0, through: 255, by: 23) {
            for g in stride(from: 4, through: 255, by: 29) {
                for b in stride(from: 9, through: 255, by: 31) {
                    samples.append(RGB(UInt8(r), UInt8(g), UInt8(b)))
                }
            }
        }
        for color in samples {
            let chosen = XtermPalette.color(of: XtermPalette.index(of: color))
            let best = entries.map { distance(color, $0) }.min()!
            XCTAssertEqual(distance(color, chosen), best, "\(color)")
        }
    }
}
