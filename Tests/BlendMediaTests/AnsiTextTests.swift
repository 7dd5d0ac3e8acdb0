import BlendCore
import XCTest
import BlendMedia

final class AnsiTextTests: XCTestCase {
    private let esc = "\u{1B}["

    func testTruecolorEmitsEscapesOnlyWhenColoursChange() {
        let a = TerminalCell(glyph: "▀", foreground: .rgb(RGB(1, 2, 3)), background: .rgb(RGB(4, 5, 6)))
        let b = TerminalCell(glyph: "▀", foreground: .rgb(RGB(7, 8, 9)), background: .rgb(RGB(4, 5, 6)))
        let text = AnsiText.render(CellGrid(columns: 3, rows: 1, cells: [a, a, b]))
        XCTAssertEqual(text, "\(esc)38;2;1;2;3;48;2;4;5;6m▀▀\(esc)38;2;7;8;9;48;2;4;5;6m▀\(esc)0m\n")
    }

    func testPaletteColours() {
        let cell = TerminalCell(glyph: "▚", foreground: .indexed(196), background: .indexed(17))
        XCTAssertEqual(AnsiText.render(CellGrid(columns: 1, rows: 2, cells: [cell, cell])),
                       "\(esc)38;5;196;48;5;17m▚\(esc)0m\n\(esc)38;5;196;48;5;17m▚\(esc)0m\n")
    }

    func testNoColourIsPlainText() {
        let cells = ["@", " ", ":", "#"].map {
            TerminalCell(glyph: Unicode.Scalar($0)!, foreground: .terminalDefault, background: .terminalDefault)
        }
        XCTAssertEqual(AnsiText.render(CellGrid(columns: 2, rows: 2, cells: cells)), "@ \n:#\n")
    }

    func testReturnToDefaultColoursMidLine() {
        let coloured = TerminalCell(glyph: "▀", foreground: .indexed(1), background: .indexed(2))
        let plain = TerminalCell(glyph: "x", foreground: .terminalDefault, background: .terminalDefault)
        XCTAssertEqual(AnsiText.render(CellGrid(columns: 2, rows: 1, cells: [coloured, plain])),
                       "\(esc)38;5;1;48;5;2m▀\(esc)39;49mx\n")
    }
}
