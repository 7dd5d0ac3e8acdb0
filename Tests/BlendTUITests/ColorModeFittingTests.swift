import XCTest
@testable import BlendTUI

/// A forced `--color` fits what the terminal database allows (curses draws a colour it refused
/// as black on black), and says what it changed.
final class ColorModeFittingTests: XCTestCase {
    func testTruecolorOverA256ColourTerminfoUsesTheRichestModeItTakes() {
        let redefinable = ColorMode.fitting(.direct, colors: 256, canChangeColor: true, ignoresPaletteChanges: false, terminal: "xterm-256color")
        XCTAssertEqual(redefinable.mode, .redefinable(slots: 240))
        XCTAssertEqual(redefinable.note, "xterm-256color has 256 colours: showing truecolor (240 redefinable palette entries) instead of truecolor (direct) (TERM=xterm-direct gives 24-bit colour)")
        let inTmux = ColorMode.fitting(.direct, colors: 256, canChangeColor: true, ignoresPaletteChanges: true, terminal: "tmux-256color")
        XCTAssertEqual(inTmux.mode, .palette256, "tmux does not pass palette changes on")
        XCTAssertEqual(ColorMode.fitting(.direct, colors: 0x100_0000, canChangeColor: false, ignoresPaletteChanges: false, terminal: "xterm-direct").mode, .direct)
        XCTAssertNil(ColorMode.fitting(.direct, colors: 0x100_0000, canChangeColor: false, ignoresPaletteChanges: false, terminal: "xterm-direct").note)
    }

    func testPalettesAreCappedAtTheTerminalsColours() {
        let eight = ColorMode.fitting(.palette256, colors: 8, canChangeColor: false, ignoresPaletteChanges: false, terminal: "xterm")
        XCTAssertEqual(eight.mode, .palette8)
        XCTAssertEqual(eight.note, "xterm has 8 colours: showing 8 colours instead of 256 colours")
        XCTAssertEqual(ColorMode.fitting(.palette16, colors: 256, canChangeColor: false, ignoresPaletteChanges: false, terminal: "xterm-256color").mode, .palette16)
        XCTAssertNil(ColorMode.fitting(.palette16, colors: 256, canChangeColor: false, ignoresPaletteChanges: false, terminal: "xterm-256color").note)
        XCTAssertEqual(ColorMode.fitting(.monochrome, colors: 256, canChangeColor: true, ignoresPaletteChanges: false, terminal: "x").mode, .monochrome)
    }
}
