import XCTest
import BlendCore

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

    /// On every grey (where the ramp and the cube compete) the chosen entry is as near as any of
    /// the 240 fixed entries by the palette's own distance.
    func testGreysGoToTheNearestFixedEntry() throws {
        let entries = (UInt8(16)...UInt8(255)).map { XtermPalette.color(of: $0) }
        for level in 0...255 {
            let grey = RGB(UInt8(level), UInt8(level), UInt8(level))
            let chosen = XtermPalette.color(of: XtermPalette.index(of: grey))
            let best = try XCTUnwrap(entries.map { XtermPalette.distance(grey, $0) }.min())
            XCTAssertEqual(XtermPalette.distance(grey, chosen), best, "\(grey)")
        }
    }

    /// Elsewhere the choice is the cube entry nearest channel by channel unless a grey is nearer:
    /// what the TUI's 256-colour goldens were made with. (An exhaustive search by the redmean
    /// distance can find a cube entry up to 2 % nearer for some mid-dark colours.)
    func testColoursGoToTheChannelNearestCubeEntryOrANearerGrey() {
        func nearestLevel(_ v: UInt8) -> UInt8 {
            [0, 95, 135, 175, 215, 255].min { abs(Int($0) - Int(v)) < abs(Int($1) - Int(v)) } ?? 0
        }
        let greys = (UInt8(232)...UInt8(255)).map { XtermPalette.color(of: $0) }
        for r in stride(from: 0, through: 255, by: 23) {
            for g in stride(from: 4, through: 255, by: 29) {
                for b in stride(from: 9, through: 255, by: 31) {
                    let color = RGB(UInt8(r), UInt8(g), UInt8(b))
                    let cube = RGB(nearestLevel(color.red), nearestLevel(color.green), nearestLevel(color.blue))
                    let chosen = XtermPalette.color(of: XtermPalette.index(of: color))
                    let best = ([cube] + greys).map { XtermPalette.distance(color, $0) }.min()
                    XCTAssertEqual(XtermPalette.distance(color, chosen), best, "\(color)")
                }
            }
        }
    }
}
