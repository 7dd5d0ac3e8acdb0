import BlendCore
import XCTest
@testable import BlendMedia

final class MosaicRendererTests: XCTestCase {
    private let ink = RGB(250, 250, 250), paper = RGB(10, 20, 30)

    func testSextantTableIsUnicodes() {
        let glyphs = MosaicGlyphs.sextants.glyphs
        XCTAssertEqual(glyphs.count, 64)
        XCTAssertEqual(Set(glyphs).count, 64, "two patterns share a glyph")
        XCTAssertEqual(glyphs[0b000001], "\u{1FB00}")  // BLOCK SEXTANT-1
        XCTAssertEqual(glyphs[0b010100], "\u{1FB13}")  // BLOCK SEXTANT-35
        XCTAssertEqual(glyphs[0b010110], "\u{1FB14}")  // BLOCK SEXTANT-235
        XCTAssertEqual(glyphs[0b111110], "\u{1FB3B}")  // BLOCK SEXTANT-23456
        XCTAssertEqual(glyphs[0b010101], "▌")
        XCTAssertEqual(glyphs[0b101010], "▐")
    }

    func testOctantTableIsUnicodes() {
        let glyphs = MosaicGlyphs.octants.glyphs
        XCTAssertEqual(glyphs.count, 256)
        XCTAssertEqual(Set(glyphs).count, 256, "two patterns share a glyph")
        XCTAssertEqual(glyphs[0b0000_0100], "\u{1CD00}")  // BLOCK OCTANT-3
        XCTAssertEqual(glyphs[0b1111_1110], "\u{1CDE5}")  // BLOCK OCTANT-2345678
        XCTAssertEqual(glyphs.filter { (0x1CD00...0x1CDE5).contains($0.value) }.count, 230)
        XCTAssertEqual(glyphs[0b0000_1111], "▀")
        XCTAssertEqual(glyphs[0b0101_0101], "▌")
    }

    /// A two-colour cell comes out as its exact pattern in its exact colours.
    func testTwoColourCellsKeepTheirShape() {
        for (mode, down, glyphs) in [(CellMode.sextant, 3, MosaicGlyphs.sextants), (.octant, 4, .octants)] {
            for pattern in 1..<((1 << (2 * down)) - 1) {
                var image = RGBImage(width: 2, height: down, fill: paper)
                for i in 0..<(2 * down) where pattern & (1 << i) != 0 { image[i % 2, i / 2] = ink }
                let cell = CellRenderer.render(image, mode: mode, color: .truecolor)[0, 0]
                let drawn: Int
                if cell.foreground == .rgb(ink) {
                    drawn = pattern
                } else {
                    drawn = ~pattern & ((1 << (2 * down)) - 1)
                }
                XCTAssertEqual(cell.glyph, glyphs.glyphs[drawn], "\(mode) pattern \(pattern)")
                XCTAssertEqual(Set([cell.foreground, cell.background]), [.rgb(ink), .rgb(paper)])
            }
        }
    }

    func testGridSizes() {
        let image = RGBImage(width: 9, height: 10)
        let sextant = CellRenderer.render(image, mode: .sextant, color: .truecolor)
        XCTAssertEqual([sextant.columns, sextant.rows], [5, 4])
        let octant = CellRenderer.render(image, mode: .octant, color: .truecolor)
        XCTAssertEqual([octant.columns, octant.rows], [5, 3])
        XCTAssertEqual(CellRenderer.gridSize(for: PixelSize(width: 9, height: 10), mode: .octant).rows, 3)
    }

    /// The cells path on a decoded frame, golden-checked (glyphs and colours as ANSI text).
    func testSextantAndOctantFramesMatchTheirGoldens() throws {
        try FFmpegCLI.requireTools()
        let clip = try TestClips.testsrcMPEG4MOV()
        for mode in [CellMode.sextant, .octant] {
            let grid = try FramePreview.cells(file: clip, at: 0.5, columns: 40, rows: 12, mode: mode, color: .palette256)
            MediaGolden.assertMatches(AnsiText.render(grid), "testsrc-\(mode.rawValue)-40x12.ansi")
        }
    }
}
