import XCTest
@testable import BlendTUI

final class ShowcaseTests: XCTestCase {
    private let program = ShowcaseProgram()

    private func key(_ text: String) -> ShowcaseAction { .app(.input(.key(KeyChord(parsing: text)!), region: nil)) }

    func testEveryPageDrawsAtBothSizesAndSmallShowsTheMessage() {
        for (width, height) in [(80, 24), (160, 48)] {
            var state = ShowcaseState(app: AppState(terminalWidth: width, terminalHeight: height))
            for screen in Screen.allCases {
                state.app.screen = screen
                let text = program.frame(state, width: width, height: height).text()
                XCTAssertTrue(text.hasPrefix(" blendscope"), "\(screen) at \(width)×\(height)")
                XCTAssertFalse(text.contains("terminal too small"))
            }
        }
        let small = program.frame(ShowcaseState(app: AppState(terminalWidth: 59, terminalHeight: 16)), width: 59, height: 16)
        XCTAssertTrue(small.text().contains("(have 59×16, need 60×16)"))
    }

    func testTableKeysAndSliderClicks() {
        var state = ShowcaseState(app: AppState(terminalWidth: 80, terminalHeight: 24))
        _ = program.update(&state, key("2"))
        _ = program.update(&state, key("G"))
        XCTAssertEqual(state.table.selected, ShowcaseData.rowCount - 1)
        _ = program.update(&state, key("g"))
        _ = program.update(&state, key("pgdn"))
        XCTAssertEqual(state.table.selected, Table.visibleRows(in: ShowcaseLayout(state.app).clipTable) - 1)

        _ = program.update(&state, key("3"))
        _ = program.update(&state, key("L"))
        _ = program.update(&state, key("k"))
        XCTAssertEqual(state.alpha, 0.22, accuracy: 1e-9)
        XCTAssertEqual(state.beta, 0.21, accuracy: 1e-9)
        // A click on the α slider's right arrow walks α to the top of its range.
        let row = ShowcaseLayout(state.app).alphaRow
        let click = InputEvent.mouse(MouseEvent(x: row.maxX - 1, y: row.y, action: .press(.left)))
        for action in program.actions(for: click, region: nil, state: state) { _ = program.update(&state, action) }
        XCTAssertEqual(state.alpha, 0.95, accuracy: 1e-9)
    }

    func testDemoJobRunsThroughTheRuntimeAndEnds() {
        let backend = ScriptedBackend(width: 80, height: 24, script: [[.key(.char("6"))], [.key(.char("s"))], [.key(.char("x"))],
                                                                       [.key(.char("q"))]])
        let runtime = TerminalRuntime(program: program, state: ShowcaseState(app: AppState()), backend: backend)
        runtime.run()
        XCTAssertTrue(runtime.state.app.quitting, "with the job cancelled, q quits without asking")
        XCTAssertEqual(runtime.state.app.runningJobs, 0)
        XCTAssertTrue(backend.frames.contains { $0.text().contains("⟳ demo job") })
        XCTAssertTrue(runtime.state.app.toasts.contains { $0.text == "demo job cancelled" })
    }
}
