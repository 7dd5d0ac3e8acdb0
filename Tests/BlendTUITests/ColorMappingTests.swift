import BlendCore
import XCTest
@testable import BlendTUI

final class ColorMappingTests: XCTestCase {
    func testModeDetection() {
        func detect(_ env: [String: String], colors: Int = 256, change: Bool = false, has: Bool = true) -> ColorMode {
            ColorMode.detect(environment: env, hasColors: has, colors: colors, canChangeColor: change)
        }
        XCTAssertEqual(detect(["NO_COLOR": "1", "COLORTERM": "truecolor"]), .monochrome)
        XCTAssertEqual(detect(["NO_COLOR": ""]), .palette256, "an empty NO_COLOR does not count")
        XCTAssertEqual(detect([:], has: false), .monochrome)
        XCTAssertEqual(detect([:], colors: 0x100_0000), .direct)
        XCTAssertEqual(detect(["COLORTERM": "truecolor"], colors: 256, change: true), .redefinable(slots: 240))
        XCTAssertEqual(detect(["COLORTERM": "24bit"], colors: 256, change: false), .palette256)
        XCTAssertEqual(detect(["COLORTERM": "truecolor", "TMUX": "/tmp/tmux-0/default,1,0"], colors: 256, change: true),
                       .palette256, "tmux does not forward palette changes")
        XCTAssertEqual(detect(["COLORTERM": "truecolor", "KONSOLE_VERSION": "221203"], colors: 256, change: true),
                       .palette256, "Konsole ignores palette changes")
        XCTAssertEqual(detect(["COLORTERM": "truecolor", "KONSOLE_VERSION": "221203"], colors: 0x100_0000), .direct,
                       "Konsole with a direct-colour terminfo (konsole-direct) takes 24-bit colour")
        XCTAssertEqual(detect([:], colors: 256, change: true), .palette256, "truecolor needs COLORTERM")
        XCTAssertEqual(detect([:], colors: 16), .palette16)
        XCTAssertEqual(detect([:], colors: 8), .palette8)
        XCTAssertEqual(ColorMode(name: "256"), .palette256)
        XCTAssertNil(ColorMode(name: "lots"))
    }

    func testNearest256() {
        XCTAssertEqual(XtermPalette.index(of: RGB(0, 0, 0)), 16)
        XCTAssertEqual(XtermPalette.index(of: RGB(255, 255, 255)), 231)
        XCTAssertEqual(XtermPalette.index(of: RGB(255, 0, 0)), 196)
        XCTAssertEqual(XtermPalette.index(of: RGB(0x5F, 0xAF, 0xFF)), 75, "an exact cube colour")
        XCTAssertEqual(XtermPalette.index(of: RGB(0x80, 0x80, 0x80)), 244, "grey goes to the grey ramp")
        XCTAssertEqual(XtermPalette.color(of: 244), RGB(128, 128, 128))
        // The cube/grey search agrees with an exhaustive search over 16–255.
        for sample in [RGB(0x1b, 0x1e, 0x24), RGB(0xe5, 0x63, 0x6f), RGB(0x2e, 0x44, 0x64), RGB(200, 190, 10)] {
            let distance = { (index: UInt8) in XtermPalette.distance(sample, XtermPalette.color(of: index)) }
            let exhaustive = (UInt8(16)...UInt8(255)).map(distance).min()
            XCTAssertEqual(distance(XtermPalette.index(of: sample)), exhaustive, "\(sample)")
        }
    }

    func testNearestBasic() throws {
        XCTAssertEqual(PaletteMatch.nearestBasic(RGB(250, 10, 10)), 9)
        XCTAssertEqual(PaletteMatch.nearestBasic(RGB(250, 10, 10), count: 8), 1)
        XCTAssertEqual(PaletteMatch.nearestBasic(RGB(20, 20, 30)), 0)
        XCTAssertEqual(PaletteMatch.nearestBasic(RGB(128, 128, 128)), 7 + 1, "mid grey is bright black")
        XCTAssertEqual(PaletteMatch.nearestBasic(RGB(128, 128, 128), count: 8), 7)
        // The dark theme's emotion colours stay apart in 16 colours: red, green, magenta, yellow, blue, grey.
        let dark = try ThemeLoader.defaultTheme()
        let emotions = [Emotion.ang, .disg, .fea, .hap, .sad, .neu].map { emotion -> Int in
            guard case .rgb(let rgb) = dark.resolve(.emotion(emotion)) else { return -1 }
            return PaletteMatch.nearestBasic(rgb)
        }
        XCTAssertEqual(emotions, [9, 2, 13, 11, 12, 7])
    }

    func testMapperPerMode() throws {
        let dark = try ThemeLoader.defaultTheme()
        let accent = RGB(hex: "#5fafef")!
        XCTAssertEqual(ColorMapper(theme: dark, mode: .direct).map(.accent), .rgb(accent))
        XCTAssertEqual(ColorMapper(theme: dark, mode: .redefinable(slots: 240)).map(.accent), .rgb(accent))
        XCTAssertEqual(ColorMapper(theme: dark, mode: .palette256).map(.accent), .index(75))
        XCTAssertEqual(ColorMapper(theme: dark, mode: .palette16).map(.emotion(.ang)), .index(9))
        XCTAssertEqual(ColorMapper(theme: dark, mode: .monochrome).map(.accent), .terminalDefault)

        let sixteen = try! XCTUnwrap(ThemeLoader.builtin("16-colour"))
        XCTAssertEqual(ColorMapper(theme: sixteen, mode: .palette256).map(.emotion(.sad)), .index(4))
        XCTAssertEqual(ColorMapper(theme: sixteen, mode: .palette8).map(.focus), .index(3))
        XCTAssertEqual(ColorMapper(theme: sixteen, mode: .direct).map(.focus), .rgb(RGB(255, 255, 0)))
        XCTAssertEqual(ColorMapper(theme: sixteen, mode: .direct).map(.error), .index(1))
        let colors = ColorMapper(theme: sixteen, mode: .palette256).colors(for: .plain)
        XCTAssertEqual(colors.foreground, .terminalDefault)
        XCTAssertEqual(colors.background, .terminalDefault)
    }

    func testMonochromeKeepsHighlightsAsReverse() throws {
        let mono = ColorMapper(theme: try ThemeLoader.defaultTheme(), mode: .monochrome)
        XCTAssertEqual(mono.attributes(for: Style(bg: .selection)), .reverse)
        XCTAssertEqual(mono.attributes(for: Style(fg: .error, .bold)), .bold)
        XCTAssertEqual(mono.attributes(for: Style(bg: .overlay, .underline)), .underline)
        let color = ColorMapper(theme: try ThemeLoader.defaultTheme(), mode: .palette256)
        XCTAssertEqual(color.attributes(for: Style(bg: .selection)), [])
    }
}
