import XCTest
@testable import BlendTUI

final class CommandRegistryTests: XCTestCase {
    /// The shared commands plus two screen commands, one of them disabled without a selection.
    private func registry() -> CommandRegistry<AppState> {
        CommandRegistry(AppCommands.all + [
            Command("clips.search", "Search clips", scope: .screen(.clips), keys: ["/"], hint: "search"),
            Command("clips.tag", "Tag the selected clip", scope: .screen(.clips), keys: ["t"], hint: "tag",
                    disabledReason: { _ in "no clip selected" }),
            Command("thresholds.quit-shadow", "Reset thresholds", scope: .screen(.thresholds), keys: ["q"]),
        ])
    }

    func testDefaultsHaveNoConflicts() {
        XCTAssertEqual(AppCommands.registry().conflicts(), [])
        XCTAssertEqual(registry().conflicts(), [])
    }

    func testLookupPrefersTheScreenAndOverlaysAreModal() {
        let r = registry()
        XCTAssertEqual(r.commandID(for: .char("q"), screen: .clips, overlay: nil), AppCommands.quit)
        XCTAssertEqual(r.commandID(for: .char("q"), screen: .thresholds, overlay: nil), "thresholds.quit-shadow")
        XCTAssertEqual(r.commandID(for: .char("/"), screen: .clips, overlay: nil), "clips.search")
        XCTAssertNil(r.commandID(for: .char("/"), screen: .overview, overlay: nil))
        XCTAssertEqual(r.commandID(for: .char("q"), screen: .clips, overlay: .help), AppCommands.helpClose)
        XCTAssertNil(r.commandID(for: .char("1"), screen: .clips, overlay: .help), "global keys do not reach through")
        XCTAssertEqual(r.commandID(for: .char("3"), screen: .clips, overlay: nil), AppCommands.show(.thresholds))
    }

    func testHelpListsEveryBindingOnce() {
        let r = registry()
        let sections = r.helpSections(screen: .clips, context: AppState())
        XCTAssertEqual(sections.map(\.title), ["Global", "2 Clips", "3 Thresholds", "Help", "Command palette", "Quit question"])
        let listed = sections.flatMap(\.entries)
        XCTAssertEqual(listed.count, r.commands.count, "every command appears exactly once")
        for command in r.commands {
            let entry = listed.first { $0.title == command.title }
            XCTAssertEqual(entry?.keys, r.keys(for: command.id).map(\.display).joined(separator: " "), "\(command.id)")
        }
        XCTAssertEqual(listed.first { $0.title == "Tag the selected clip" }?.disabledReason, "no clip selected")
        XCTAssertEqual(listed.first { $0.title == "Show every key binding" }?.keys, "? F1")
    }

    func testHintsScreenFirstThenGlobal() {
        let hints = registry().hints(screen: .clips, overlay: nil, context: AppState())
        XCTAssertEqual(hints.map { "\($0.key) \($0.label)" }, ["/ search", "t tag", "q quit", "? help", ": commands"])
        XCTAssertEqual(hints.map(\.enabled), [true, false, true, true, true])
        let overlay = registry().hints(screen: .clips, overlay: .palette, context: AppState())
        XCTAssertEqual(overlay.map(\.label), ["close", "run"])
    }

    func testPaletteOffersGlobalAndCurrentScreenCommands() {
        let r = registry()
        let all = r.paletteEntries(query: "", screen: .clips, context: AppState()).map(\.item.title)
        XCTAssertTrue(all.contains("Search clips"))
        XCTAssertFalse(all.contains("Reset thresholds"), "another screen's command")
        XCTAssertFalse(all.contains("Command palette"), "not offered inside itself")
        let matches = r.paletteEntries(query: "tag", screen: .clips, context: AppState())
        XCTAssertEqual(matches.first?.item.title, "Tag the selected clip")
        XCTAssertEqual(matches.first?.item.disabledReason, "no clip selected")
        XCTAssertEqual(matches.first?.item.keys, "t")
    }

    func testRebindingShowsEverywhere() {
        var r = registry()
        r.rebind(["clips.search": [.char("f"), .ctrl("f")]])
        XCTAssertEqual(r.commandID(for: .char("f"), screen: .clips, overlay: nil), "clips.search")
        XCTAssertNil(r.commandID(for: .char("/"), screen: .clips, overlay: nil))
        XCTAssertEqual(r.hints(screen: .clips, overlay: nil, context: AppState()).first?.key, "f")
        let help = r.helpSections(screen: .clips, context: AppState()).flatMap(\.entries)
        XCTAssertEqual(help.first { $0.title == "Search clips" }?.keys, "f ^F")
    }
}
