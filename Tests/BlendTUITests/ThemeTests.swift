import BlendCore
import BlendStore
import XCTest
@testable import BlendTUI

final class ThemeTests: XCTestCase {
    private var themesDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Themes")
    }

    func testBuiltinCopiesMatchTheThemeFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: themesDirectory.path)
            .filter { $0.hasSuffix(".toml") }.sorted()
        XCTAssertEqual(files, ["16-colour.toml", "dark.toml", "high-contrast.toml", "light.toml"])
        for entry in BuiltinThemes.sources {
            let file = try String(contentsOf: themesDirectory.appendingPathComponent("\(entry.name).toml"), encoding: .utf8)
            XCTAssertEqual(entry.source, file, "BuiltinThemes.\(entry.name) differs from Themes/\(entry.name).toml")
        }
    }

    func testEveryBuiltinThemeParses() throws {
        for name in ThemeLoader.builtinNames {
            let theme = try XCTUnwrap(ThemeLoader.builtin(name))
            XCTAssertEqual(theme.name, name)
        }
        let dark = try ThemeLoader.defaultTheme()
        XCTAssertEqual(dark.resolve(.emotion(.ang)), ThemeColor("#e5636f"))
        XCTAssertEqual(dark.resolve(.accent), ThemeColor("#5fafef"))
        let sixteen = try XCTUnwrap(ThemeLoader.builtin("16-colour"))
        XCTAssertEqual(sixteen.resolve(.emotion(.fea)), .ansi(5))
        XCTAssertEqual(sixteen.resolve(.background), .terminalDefault)
    }

    func testHeatRampBlendsExactStopsAndStepsBasicOnes() throws {
        let theme = try ThemeLoader.parse(validSource(ramp: ##"["#000000", "#ff0000", "#ffffff"]"##), file: "t.toml")
        XCTAssertEqual(theme.resolve(.heat(0)), .rgb(RGB(0, 0, 0)))
        XCTAssertEqual(theme.resolve(.heat(255)), .rgb(RGB(255, 255, 255)))
        XCTAssertEqual(theme.resolve(.heat(fraction: 0.25)), .rgb(RGB(128, 0, 0)), "level 64 of 255, halfway to red")
        let two = try ThemeLoader.parse(validSource(ramp: ##"["#000000", "#ff0000"]"##), file: "t.toml")
        XCTAssertEqual(two.resolve(.heat(fraction: 0.5)), .rgb(RGB(128, 0, 0)))
        let basic = try ThemeLoader.parse(validSource(ramp: ##"["blue", "green", "red"]"##), file: "t.toml")
        XCTAssertEqual(basic.resolve(.heat(fraction: 0.2)), .ansi(4))
        XCTAssertEqual(basic.resolve(.heat(fraction: 0.3)), .ansi(2))
        XCTAssertEqual(basic.resolve(.heat(fraction: 1)), .ansi(1))
    }

    func testSyntaxErrorNamesFileAndLine() {
        let source = "name = \"x\"\n[colors\naccent = \"#ffffff\"\n"
        XCTAssertThrowsError(try ThemeLoader.parse(source, file: "bad.toml")) { error in
            let problems = (error as? InputProblems)?.problems ?? []
            XCTAssertEqual(problems.count, 1)
            XCTAssertEqual(problems.first?.file, "bad.toml")
            XCTAssertEqual(problems.first?.line, 2)
            XCTAssertTrue(problems.first?.message.hasPrefix("TOML syntax") ?? false)
        }
    }

    func testBadValuesUnknownAndMissingKeysAreAllReportedWithLines() {
        var source = validSource(ramp: ##"["#000000", "#ffffff"]"##)
        source = source.replacingOccurrences(of: "accent = \"#5fafef\"", with: "accent = \"#5fafe\"")
        source = source.replacingOccurrences(of: "warning = \"#d99a5e\"\n", with: "")
        source = source.replacingOccurrences(of: "[emotions]\n", with: "[emotions]\nsurprise = \"red\"\n")
        source += "fonts = 3\n"
        XCTAssertThrowsError(try ThemeLoader.parse(source, file: "mine.toml")) { error in
            let text = String(describing: error)
            XCTAssertEqual(text, """
                mine.toml:2: missing key colors.warning
                mine.toml:5: colors.accent = "#5fafe" is not a colour (use "#rrggbb", an ANSI name such as "bright-blue", or "default")
                mine.toml:17: unknown key emotions.surprise (known: ang, disg, fea, hap, sad, neu)
                mine.toml:26: unknown key heatmap.fonts (a heatmap has ramp)
                """)
        }
    }

    func testWrongTypesAndMissingTables() {
        let source = "name = 4\ncolors = \"dark\"\n[heatmap]\nramp = [\"#000000\"]\n"
        XCTAssertThrowsError(try ThemeLoader.parse(source, file: "t.toml")) { error in
            let problems = (error as? InputProblems)?.problems ?? []
            XCTAssertEqual(problems.map(\.description), [
                "t.toml:1: name must be a string",
                "t.toml:2: colors must be a table: [colors]",
                "t.toml:4: heatmap.ramp needs at least two colours",
                "t.toml: missing table [emotions]",
            ])
        }
        XCTAssertThrowsError(try ThemeLoader.parse("[colors]\naccent = \"#ffffff\"\n[emotions]\nang = \"red\"\n[heatmap]\nramp = [\"red\", \"blue\"]\n",
                                                   file: "t.toml")) { error in
            XCTAssertEqual((error as? InputProblems)?.problems.map(\.description), [
                "t.toml:1: missing keys colors.background, colors.text, colors.muted, colors.border, colors.focus, "
                    + "colors.success, colors.error, colors.warning, colors.selection, colors.selection-text, "
                    + "colors.status-background, colors.status-text, colors.overlay",
                "t.toml:3: missing keys emotions.disg, emotions.fea, emotions.hap, emotions.sad, emotions.neu",
            ])
        }
    }

    func testLoadByNamePathAndUserDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("themes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let mine = validSource(ramp: ##"["#000000", "#ffffff"]"##).replacingOccurrences(of: "name = \"test\"", with: "name = \"mine\"")
        try mine.write(to: directory.appendingPathComponent("mine.toml"), atomically: true, encoding: .utf8)

        XCTAssertEqual(try ThemeLoader.load("light", userDirectory: directory.path).name, "light")
        XCTAssertEqual(try ThemeLoader.load("mine", userDirectory: directory.path).name, "mine")
        XCTAssertEqual(try ThemeLoader.load(directory.appendingPathComponent("mine.toml").path).name, "mine")
        XCTAssertThrowsError(try ThemeLoader.load("solarised", userDirectory: directory.path)) { error in
            XCTAssertTrue(String(describing: error).contains("no such theme"))
        }
        XCTAssertThrowsError(try ThemeLoader.load("/nonexistent/x.toml")) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("/nonexistent/x.toml: cannot read"))
        }
    }

    /// A complete theme whose colours match dark.toml's first lines, with line numbers that
    /// the error tests rely on: accent on line 5, warning on 10, [emotions] on 17.
    private func validSource(ramp: String) -> String {
        """
        name = "test"
        [colors]
        background = "#1b1e24"
        text = "#d5d9e0"
        accent = "#5fafef"
        muted = "#7c8391"
        border = "#464c59"
        focus = "#e8c46a"
        success = "#8cc36e"
        warning = "#d99a5e"
        error = "#e5636f"
        selection = "#2e4464"
        selection-text = "#ffffff"
        status-background = "#262a33"
        status-text = "#b8bfcb"
        overlay = "#232730"
        [emotions]
        ang = "red"
        disg = "green"
        fea = "magenta"
        hap = "yellow"
        sad = "blue"
        neu = "grey"
        [heatmap]
        ramp = \(ramp)

        """
    }
}
