import BlendCore
import CNcursesW
import XCTest
@testable import BlendTUI

final class BackendPartsTests: XCTestCase {
    func testKeyDecoderCharacters() {
        XCTAssertEqual(KeyDecoder.character(9), KeyChord(.tab))
        XCTAssertEqual(KeyDecoder.character(13), KeyChord(.enter))
        XCTAssertEqual(KeyDecoder.character(127), KeyChord(.backspace))
        XCTAssertEqual(KeyDecoder.character(3), .ctrl("c"))
        XCTAssertEqual(KeyDecoder.character(16), .ctrl("p"))
        XCTAssertEqual(KeyDecoder.character(0x65E5), .char("日"))
        XCTAssertNil(KeyDecoder.character(29))
    }

    func testKeyDecoderCodesAndMouse() {
        XCTAssertEqual(KeyDecoder.keyCode(KEY_NPAGE), KeyChord(.pageDown))
        XCTAssertEqual(KeyDecoder.keyCode(KEY_BTAB), KeyChord(.backTab))
        XCTAssertEqual(KeyDecoder.keyCode(bs_KEY_F(5)), KeyChord(.function(5)))
        XCTAssertEqual(KeyDecoder.keyCode(KEY_SLEFT), KeyChord(.left, .shift))
        XCTAssertNil(KeyDecoder.keyCode(KEY_RESIZE), "resize is not a key")
        XCTAssertEqual(KeyDecoder.mouse(x: 3, y: 4, state: bs_BUTTON1_PRESSED),
                       MouseEvent(x: 3, y: 4, action: .press(.left)))
        XCTAssertEqual(KeyDecoder.mouse(x: 0, y: 0, state: bs_BUTTON4_PRESSED | bs_BUTTON_CTRL),
                       MouseEvent(x: 0, y: 0, action: .wheelUp, modifiers: .ctrl))
        XCTAssertEqual(KeyDecoder.mouse(x: 1, y: 1, state: bs_BUTTON3_RELEASED)?.action, .release(.right))
        XCTAssertNil(KeyDecoder.mouse(x: 1, y: 1, state: 0))
    }

    func testColorPairCacheFillsThenAsksForAReset() {
        var cache = ColorPairCache(limit: 3)
        XCTAssertEqual(cache.pair(foreground: 1, background: 2)?.pair, 1)
        XCTAssertEqual(cache.pair(foreground: 1, background: 2)?.isNew, false)
        XCTAssertEqual(cache.pair(foreground: 3, background: -1)?.pair, 2)
        XCTAssertNil(cache.pair(foreground: 4, background: 4), "pair 3 would reach the limit")
        cache.reset()
        XCTAssertEqual(cache.pair(foreground: 4, background: 4)?.pair, 1)
    }

    func testPaletteSlotsShareTheNearestWhenFull() {
        var slots = PaletteSlots(first: 16, count: 2)
        XCTAssertEqual(slots.slot(for: RGB(255, 0, 0))?.index, 16)
        XCTAssertEqual(slots.slot(for: RGB(0, 0, 255))?.index, 17)
        XCTAssertEqual(slots.slot(for: RGB(0, 0, 255))?.isNew, false)
        let third = slots.slot(for: RGB(240, 10, 10))
        XCTAssertEqual(third?.index, 16, "full: the nearest loaded colour")
        XCTAssertEqual(third?.isNew, false)
        var none = PaletteSlots(count: 0)
        XCTAssertNil(none.slot(for: RGB(1, 2, 3)))
    }
}
