import BlendCore
import XCTest
import BlendMedia

final class CellRendererTests: XCTestCase {
    private let red = RGB(255, 0, 0), blue = RGB(0, 0, 255), green = RGB(0, 200, 0), white = RGB(255, 255, 255)

    func testHalfBlockTakesUpperPixelAsForegroundAndLowerAsBackground() {
        var image = RGBImage(width: 2, height: 4)
        image[0, 0] = red
        image[0, 1] = blue
        image[1, 2] = green
        image[1, 3] = white
        let grid = CellRenderer.render(image, mode: .half, color: .truecolor)
        XCTAssertEqual(grid.columns, 2)
        XCTAssertEqual(grid.rows, 2)
        XCTAssertEqual(grid[0, 0], TerminalCell(glyph: "▀", foreground: .rgb(red), background: .rgb(blue)))
        XCTAssertEqual(grid[1, 1], TerminalCell(glyph: "▀", foreground: .rgb(green), background: .rgb(white)))
        XCTAssertEqual(grid[1, 0].foreground, .rgb(RGB(0, 0, 0)))
    }

    func testHalfBlockRepeatsAnOddLastRow() {
        var image = RGBImage(width: 1, height: 3)
        image[0, 2] = red
        let grid = CellRenderer.render(image, mode: .half, color: .truecolor)
        XCTAssertEqual(grid.rows, 2)
        XCTAssertEqual(grid[0, 1], TerminalCell(glyph: "▀", foreground: .rgb(red), background: .rgb(red)))
    }

    func testHalfBlockIn256Colours() {
        var image = RGBImage(width: 1, height: 2, fill: RGB(250, 5, 5))
        image[0, 1] = RGB(10, 10, 10)
        let cell = CellRenderer.render(image, mode: .half, color: .palette256)[0, 0]
        XCTAssertEqual(cell.foreground, .indexed(196))
        XCTAssertEqual(cell.background, .indexed(232))
    }

    /// Two-colour blocks come out as the quadrant glyph of their shape, in their exact colours.
    func testQuadrantGlyphsFollowTheShape() {
        // Bits: upper left, upper right, lower left, lower right.
        let shapes: [([Bool], Unicode.Scalar)] = [
            ([true, false, false, false], "▘"), ([false, true, true, true], "▘"),
            ([true, true, false, false], "▀"), ([true, false, true, false], "▌"),
            ([true, false, false, true], "▚"), ([false, true, true, false], "▚"),
            ([true, true, true, false], "▛"), ([true, true, false, true], "▜"),
            ([true, false, true, true], "▙"),
        ]
        for (shape, glyph) in shapes {
            var image = RGBImage(width: 2, height: 2, fill: blue)
            for (i, on) in shape.enumerated() where on { image[i % 2, i / 2] = red }
            let cell = CellRenderer.render(image, mode: .quad, color: .truecolor)[0, 0]
            XCTAssertEqual(cell.glyph, glyph, "\(shape)")
            // The glyph always draws the upper-left pixel's group in the foreground.
            let upperLeft: CellColor = shape[0] ? .rgb(red) : .rgb(blue)
            let other: CellColor = shape[0] ? .rgb(blue) : .rgb(red)
            XCTAssertEqual(cell.foreground, upperLeft, "\(shape)")
            XCTAssertEqual(cell.background, other, "\(shape)")
        }
    }

    func testQuadrantOfOneColourIsAFullBlock() {
        let grid = CellRenderer.render(RGBImage(width: 4, height: 2, fill: green), mode: .quad, color: .truecolor)
        XCTAssertEqual(grid.columns, 2)
        XCTAssertEqual(grid.rows, 1)
        for cell in grid.cells {
            XCTAssertEqual(cell, TerminalCell(glyph: "█", foreground: .rgb(green), background: .rgb(green)))
        }
    }

    func testQuadrantAveragesEachSideOfTheSplit() {
        var image = RGBImage(width: 2, height: 2, fill: RGB(200, 0, 0))
        image[1, 0] = RGB(0, 0, 200)
        image[0, 1] = RGB(210, 0, 0)
        image[1, 1] = RGB(0, 0, 190)
        let cell = CellRenderer.render(image, mode: .quad, color: .truecolor)[0, 0]
        XCTAssertEqual(cell.glyph, "▌")
        XCTAssertEqual(cell.foreground, .rgb(RGB(205, 0, 0)))
        XCTAssertEqual(cell.background, .rgb(RGB(0, 0, 195)))
    }

    func testNoColourUsesAnASCIIRampWithDefaultColours() {
        var image = RGBImage(width: 3, height: 2)
        image[1, 0] = RGB(128, 128, 128)
        image[1, 1] = RGB(128, 128, 128)
        image[2, 0] = white
        image[2, 1] = white
        let grid = CellRenderer.render(image, mode: .half, color: .none)
        XCTAssertEqual(grid.cells.map(\.glyph), [" ", "=", "@"])
        XCTAssertTrue(grid.cells.allSatisfy { $0.foreground == .terminalDefault && $0.background == .terminalDefault })
        XCTAssertEqual(CellRenderer.render(RGBImage(width: 4, height: 4, fill: white), mode: .quad, color: .none).columns, 2)
    }

    func testGridSize() {
        XCTAssertTrue(CellRenderer.gridSize(for: PixelSize(width: 80, height: 48), mode: .half) == (80, 24))
        XCTAssertTrue(CellRenderer.gridSize(for: PixelSize(width: 81, height: 47), mode: .quad) == (41, 24))
    }
}
