import XCTest
@testable import BlendTUI

final class KeyMapFileTests: XCTestCase {
    private func registry() -> CommandRegistry<AppState> {
        CommandRegistry(AppCommands.all + [
            Command("clips.search", "Search clips", scope: .screen(.clips), keys: ["/"]),
            Command("clips.tag", "Tag the selected clip", scope: .screen(.clips), keys: ["t"]),
        ])
    }

    func testOverridesApplyInBothSpellings() throws {
        var r = registry()
        try KeyMapFile.apply("""
            [keys]
            "app.quit" = ["x", "ctrl+q"]
            "clips.tag" = []

            [keys.clips]
            search = "f"
            """, file: "keys.toml", to: &r)
        XCTAssertEqual(r.keys(for: AppCommands.quit), [.char("x"), .ctrl("q")])
        XCTAssertEqual(r.keys(for: "clips.tag"), [])
        XCTAssertEqual(r.keys(for: "clips.search"), [.char("f")])
        XCTAssertNil(r.commandID(for: .char("q"), screen: .overview, overlay: nil))
    }

    func testProblemsAreAllReportedWithLinesAndNothingIsApplied() {
        var r = registry()
        let source = """
            [keys]
            "app.quitt" = "x"
            "clips.search" = "ctrl+"
            "app.help" = 5
            "clips.tag" = "/"
            [other]
            """
        XCTAssertThrowsError(try KeyMapFile.apply(source, file: "keys.toml", to: &r)) { error in
            XCTAssertEqual(String(describing: error), """
                keys.toml:2: unknown command "app.quitt" (did you mean app.quit?)
                keys.toml:3: clips.search: "ctrl+" is not a key (examples: q, G, ctrl+s, alt+x, shift+tab, pgdn, f5, space)
                keys.toml:4: app.help must be a key ("ctrl+s") or a list of keys (["s", "ctrl+s"])
                keys.toml:5: / is bound to both clips.search and clips.tag (2 Clips)
                keys.toml:6: unknown key "other" (overrides go in a [keys] table)
                """)
        }
        XCTAssertEqual(r.keys(for: AppCommands.quit), [.char("q")], "a bad file changes nothing")
    }

    func testConflictWithAnotherCommandsDefault() {
        var r = registry()
        XCTAssertThrowsError(try KeyMapFile.apply("[keys]\n\"app.help\" = \"q\"\n", file: "k.toml", to: &r)) { error in
            XCTAssertEqual(String(describing: error), "k.toml:2: q is bound to both app.quit and app.help (Global)")
        }
    }

    func testSyntaxErrorAndMissingFile() {
        var r = registry()
        XCTAssertThrowsError(try KeyMapFile.apply("[keys\n", file: "k.toml", to: &r)) { error in
            XCTAssertTrue(String(describing: error).hasPrefix("k.toml:1: TOML syntax"), String(describing: error))
        }
        XCTAssertNoThrow(try KeyMapFile.apply(fileAt: "/nonexistent/keys.toml", to: &r, mustExist: false))
        XCTAssertThrowsError(try KeyMapFile.apply(fileAt: "/nonexistent/keys.toml", to: &r, mustExist: true)) { error in
            XCTAssertEqual(String(describing: error), "/nonexistent/keys.toml: no such key map file")
        }
    }
}
