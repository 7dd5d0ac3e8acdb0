import XCTest
@testable import BlendTUI

final class AppReducerTests: XCTestCase {
    private let reducer = AppReducer(registry: CommandRegistry(AppCommands.all + [
        Command("clips.search", "Search clips", scope: .screen(.clips), keys: ["/"]),
        Command("clips.tag", "Tag the selected clip", scope: .screen(.clips), keys: ["t"],
                disabledReason: { _ in "no clip selected" }),
    ]))

    @discardableResult
    private func send(_ state: inout AppState, _ action: AppAction) -> (effects: [Effect<AppAction>], unhandled: CommandID?) {
        reducer.reduce(&state, action)
    }

    private func key(_ text: String) -> AppAction { .input(.key(KeyChord(parsing: text)!), region: nil) }

    func testNumberKeysSwitchScreens() {
        var state = AppState()
        send(&state, key("3"))
        XCTAssertEqual(state.screen, .thresholds)
        send(&state, .run(AppCommands.show(.jobs)))
        XCTAssertEqual(state.screen, .jobs)
    }

    func testTabCyclesFocusPerScreen() {
        var state = AppState()
        send(&state, key("2"))
        send(&state, key("tab"))
        send(&state, key("tab"))
        XCTAssertEqual(state.focusedPane, 2)
        send(&state, key("tab"))
        XCTAssertEqual(state.focusedPane, 0, "Clips has three panes")
        send(&state, key("shift+tab"))
        XCTAssertEqual(state.focusedPane, 2)
        send(&state, key("1"))
        XCTAssertEqual(state.focusedPane, 0, "each screen keeps its own focus")
        send(&state, key("2"))
        XCTAssertEqual(state.focusedPane, 2)
    }

    func testQuitAsksWhileJobsRun() {
        var state = AppState()
        send(&state, .jobsRunning(2))
        send(&state, key("q"))
        XCTAssertEqual(state.overlay, .confirmQuit)
        XCTAssertFalse(state.quitting)
        send(&state, key("n"))
        XCTAssertNil(state.overlay)
        send(&state, key("q"))
        send(&state, key("y"))
        XCTAssertTrue(state.quitting)

        var idle = AppState()
        send(&idle, key("q"))
        XCTAssertTrue(idle.quitting)
        var forced = AppState()
        send(&forced, .jobsRunning(1))
        send(&forced, key("ctrl+c"))
        XCTAssertTrue(forced.quitting, "ctrl+c quits at once")
    }

    func testFinishedJobsCloseTheQuitQuestion() {
        var state = AppState()
        send(&state, .jobsRunning(1))
        send(&state, key("q"))
        send(&state, .jobsRunning(0))
        XCTAssertNil(state.overlay)
    }

    func testHelpOpensScrollsAndCloses() {
        var state = AppState(terminalWidth: 80, terminalHeight: 20)
        send(&state, key("?"))
        XCTAssertEqual(state.overlay, .help(offset: 0))
        send(&state, key("j"))
        send(&state, key("down"))
        XCTAssertEqual(state.overlay, .help(offset: 2))
        send(&state, key("k"))
        XCTAssertEqual(state.overlay, .help(offset: 1))
        send(&state, key("pgup"))
        XCTAssertEqual(state.overlay, .help(offset: 0))
        send(&state, key("3"))
        XCTAssertEqual(state.screen, .overview, "screen keys do not reach through the help")
        send(&state, key("esc"))
        XCTAssertNil(state.overlay)
    }

    func testPaletteTypesFiltersAndRuns() {
        var state = AppState()
        send(&state, key(":"))
        for c in "thr" { send(&state, key(String(c))) }
        XCTAssertEqual(state.overlay, .palette(PaletteState(query: "thr")))
        XCTAssertEqual(reducer.paletteEntries(state, query: "thr").first?.item.title, "Go to Thresholds")
        send(&state, key("backspace"))
        XCTAssertEqual(state.overlay, .palette(PaletteState(query: "th")))
        send(&state, key("left"))
        send(&state, key("x"))
        send(&state, key("backspace"))
        send(&state, key("end"))
        send(&state, key("r"))
        send(&state, key("enter"))
        XCTAssertNil(state.overlay)
        XCTAssertEqual(state.screen, .thresholds)
    }

    func testPaletteCharactersThatAreAlsoGlobalKeysAreTyped() {
        var state = AppState()
        send(&state, key(":"))
        send(&state, key("q"))
        send(&state, key("2"))
        XCTAssertFalse(state.quitting)
        XCTAssertEqual(state.overlay, .palette(PaletteState(query: "q2")))
    }

    func testDisabledCommandExplainsItselfInAToast() {
        var state = AppState()
        send(&state, key("2"))
        let result = send(&state, key("t"))
        XCTAssertEqual(state.toasts.map(\.text), ["Tag the selected clip: no clip selected"])
        XCTAssertEqual(state.toasts.first?.kind, .warning)
        XCTAssertEqual(result.effects.count, 1, "a timer to dismiss the toast")
        XCTAssertNil(result.unhandled)
    }

    func testScreenCommandsArePassedOn() {
        var state = AppState()
        send(&state, key("2"))
        XCTAssertEqual(send(&state, key("/")).unhandled, "clips.search")
        XCTAssertNil(send(&state, key("x")).unhandled, "an unbound key does nothing")
    }

    func testToastsAreCappedAndDismissed() {
        var state = AppState()
        for i in 1...6 { send(&state, .showToast("t\(i)", .info)) }
        XCTAssertEqual(state.toasts.map(\.text), ["t3", "t4", "t5", "t6"])
        send(&state, .dismissToast(id: 4))
        XCTAssertEqual(state.toasts.map(\.text), ["t3", "t5", "t6"])
    }

    func testMouseClicksTabsAndPaletteRows() {
        var state = AppState()
        send(&state, .input(.mouse(MouseEvent(x: 30, y: 0, action: .press(.left))), region: "tab:5"))
        XCTAssertEqual(state.screen, .confusion)
        send(&state, key(":"))
        send(&state, key("o"))
        let second = reducer.paletteEntries(state, query: "o")[1]
        send(&state, .input(.mouse(MouseEvent(x: 10, y: 6, action: .press(.left))), region: "palette:1"))
        XCTAssertNil(state.overlay)
        let expected = AppCommands.all.first { $0.title == second.item.title }!.id
        let target = Screen.allCases.first { AppCommands.show($0) == expected }
        XCTAssertNotNil(target, "the second match for o is a Go to command: \(second.item.title)")
        XCTAssertEqual(state.screen, target)
    }

    func testResize() {
        var state = AppState()
        send(&state, .input(.resize(width: 200, height: 60), region: nil))
        XCTAssertEqual(state.terminalWidth, 200)
        XCTAssertEqual(state.terminalHeight, 60)
    }
}
