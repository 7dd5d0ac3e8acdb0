import XCTest
@testable import BlendTUI

final class AppViewTests: XCTestCase {
    private let registry = CommandRegistry(AppCommands.all + [
        Command("clips.search", "Search clips", scope: .screen(.clips), keys: ["/"], hint: "search"),
    ])

    private func frame(_ state: AppState, status: [Span] = [Span("α 0.12  β 0.20")]) -> Canvas {
        var canvas = Canvas(width: state.terminalWidth, height: state.terminalHeight)
        AppView(registry: registry, context: "demo.sqlite", status: status).render(state, into: &canvas) { canvas, area in
            Block(title: "Body").render(into: &canvas, area: area)
        }
        return canvas
    }

    func testFrameAt80x24() {
        var state = AppState(terminalWidth: 80, terminalHeight: 24)
        state.screen = .clips
        state.runningJobs = 1
        let lines = frame(state).text().components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 24)
        XCTAssertEqual(lines[0], "  1 Overview  2 Clips  3 Thresholds  4 Fusion  5 Confusion  6 Jobs  7 Compare")
        XCTAssertEqual(lines[1], "┌ Body ────────────────────────────────────────────────────────────────────────┐")
        XCTAssertEqual(lines[21], "└──────────────────────────────────────────────────────────────────────────────┘")
        XCTAssertEqual(lines[22], " α 0.12  β 0.20" + String(repeating: " ", count: 57) + "⟳ 1 job")
        XCTAssertEqual(lines[23], " / search  q quit  ? help  : commands")
    }

    func testFrameAt160x48ShowsTheContext() {
        let canvas = frame(AppState(terminalWidth: 160, terminalHeight: 48))
        let lines = canvas.text().components(separatedBy: "\n")
        XCTAssertEqual(lines.count, 48)
        XCTAssertTrue(lines[0].hasSuffix("demo.sqlite"), lines[0])
        XCTAssertEqual(lines[47], " q quit  ? help  : commands")
        XCTAssertEqual(canvas.region(atX: 28, y: 0), "tab:2")
    }

    func testColourAndMonochromeStyles() throws {
        var state = AppState(terminalWidth: 80, terminalHeight: 24)
        state.screen = .thresholds
        let canvas = frame(state)
        // The current tab is the selection colour; without colour it turns into reverse video.
        let tab = canvas[28, 0].style
        XCTAssertEqual(tab, Style(fg: .selectionText, bg: .selection, .bold))
        let mono = ColorMapper(theme: try ThemeLoader.defaultTheme(), mode: .monochrome)
        XCTAssertEqual(mono.attributes(for: tab), [.bold, .reverse])
        XCTAssertEqual(mono.attributes(for: canvas[40, 0].style), [], "other tabs stay plain")
        XCTAssertEqual(mono.attributes(for: canvas[5, 22].style), .reverse, "the status bar stays visible")
    }

    func testOverlaysAndToastsDrawOnTop() {
        var state = AppState(terminalWidth: 80, terminalHeight: 24)
        state.overlay = .confirmQuit
        state.runningJobs = 2
        state.toasts = [Toast(id: 1, text: "export written to out/confusion.csv", kind: .success)]
        let text = frame(state).text()
        XCTAssertTrue(text.contains("┃ 2 jobs are still running.                  ┃"), text)
        XCTAssertTrue(text.contains("│ ✓ export written to out/confusion.csv │"), text)
        XCTAssertTrue(text.hasSuffix(" y quit  n stay"), "hints follow the overlay")
    }
}
