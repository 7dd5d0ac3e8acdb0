import BlendCore
import XCTest
@testable import BlendTUI

final class TextInputAndImageTests: XCTestCase {
    func testEditing() {
        var input = TextInput()
        for c in "fold 2 A229" { input.handle(.char(c)) }
        XCTAssertEqual(input.text, "fold 2 A229")
        input.handle(.ctrl("w"))
        XCTAssertEqual(input.text, "fold 2 ")
        input.handle(KeyChord(.home))
        input.handle(KeyChord(.delete))
        input.handle(.char("F"))
        XCTAssertEqual(input.text, "Fold 2 ")
        XCTAssertEqual(input.cursor, 1)
        input.handle(KeyChord(.end))
        input.handle(KeyChord(.backspace))
        input.handle(KeyChord(.left))
        input.handle(.ctrl("u"))
        XCTAssertEqual(input.text, "2")
        XCTAssertEqual(input.cursor, 0)
        input.handle(KeyChord(.backspace))
        XCTAssertEqual(input.text, "2", "backspace at the start does nothing")
        XCTAssertFalse(input.handle(KeyChord(.enter)), "Enter is for the caller")
        XCTAssertFalse(input.handle(.ctrl("x")))
        XCTAssertTrue(input.handle(KeyChord(.character("é"), .shift)))
    }

    func testFieldShowsTheCursorAndScrolls() {
        var canvas = Canvas(width: 8, height: 3)
        var input = TextInput("wav2vec2 layer 6")
        TextField(input).render(into: &canvas, area: canvas.bounds.row(0))
        input.handle(KeyChord(.home))
        TextField(input).render(into: &canvas, area: canvas.bounds.row(1))
        TextField(TextInput(), placeholder: "/ search").render(into: &canvas, area: canvas.bounds.row(2))
        XCTAssertEqual(canvas.text(), "layer 6\nwav2vec2\n / sear…")
        XCTAssertEqual(canvas[7, 0].style, Style(fg: .text, .reverse), "the cursor after the text")
        XCTAssertEqual(canvas[0, 1].style, Style(fg: .text, .reverse))
        XCTAssertEqual(canvas[1, 1].style, Style(fg: .text))
    }

    func testPixelImageInHalfBlocks() {
        let red = RGB(255, 0, 0), blue = RGB(0, 0, 255)
        let image = PixelImage(width: 2, height: 3, pixels: [red, blue, blue, red, red, red])
        XCTAssertEqual(image.cellSize.height, 2)
        var canvas = Canvas(width: 4, height: 2)
        image.render(into: &canvas, area: canvas.bounds)
        XCTAssertEqual(canvas.text(), " ▀▀\n ▀▀")
        XCTAssertEqual(canvas[1, 0].style, Style(fg: .rgb(red), bg: .rgb(blue)))
        XCTAssertEqual(canvas[2, 0].style, Style(fg: .rgb(blue), bg: .rgb(red)))
        XCTAssertEqual(canvas[1, 1].style, Style(fg: .rgb(red)), "the odd last row has no bottom pixel")
    }
}
