import CNcursesW
import Foundation
import XCTest
@testable import BlendTUI

/// The real backend on a headless terminal: `newterm("xterm-256color")` writing to /dev/null
/// and reading from a pipe the test writes key sequences into. Curses state is global, so
/// everything runs in one test method, one terminal at a time.
final class CursesBackendTests: XCTestCase {
    func testHeadlessTerminalDrawsDiffsAndDecodesInput() throws {
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen("/dev/null", "w"))
        defer {
            fclose(input)
            fclose(output)
            close(fds[1])
        }
        let environment = ["TERM": "xterm-256color"]
        let backend = try CursesBackend(.init(theme: try ThemeLoader.defaultTheme(), environment: environment,
                                              terminalType: "xterm-256color", input: input, output: output,
                                              installSignalHandlers: false))
        defer { backend.shutdown() }
        XCTAssertEqual(backend.colorMode, .palette256)
        // Not a real terminal: curses takes the terminfo size.
        XCTAssertEqual(backend.size.width, 80)
        XCTAssertEqual(backend.size.height, 24)

        // Diffing: the first frame writes every cell, the next only what changed.
        var canvas = Canvas(width: 80, height: 24)
        canvas.draw("日本 hello", x: 0, y: 0, style: Style(fg: .accent))
        backend.draw(canvas)
        XCTAssertEqual(backend.lastWriteCount, 80 * 24 - 2, "two continuation cells are covered by their wide characters")
        canvas.draw("J", x: 9, y: 0)
        canvas.paint(Rect(x: 0, y: 5, width: 3, height: 1), Style(bg: .selection))
        backend.draw(canvas)
        XCTAssertEqual(backend.lastWriteCount, 4)
        backend.draw(canvas)
        XCTAssertEqual(backend.lastWriteCount, 0)

        func type(_ bytes: String) -> [InputEvent] {
            _ = bytes.utf8CString.withUnsafeBufferPointer { write(fds[1], $0.baseAddress, $0.count - 1) }
            return backend.waitForInput(timeout: .milliseconds(500))
        }
        XCTAssertEqual(type("\u{1B}OA"), [.key(KeyChord(.up))])
        XCTAssertEqual(type("\u{1B}[6~"), [.key(KeyChord(.pageDown))])
        XCTAssertEqual(type("\u{1B}[Z"), [.key(KeyChord(.backTab))])
        XCTAssertEqual(type("\u{1B}OP"), [.key(KeyChord(.function(1)))])
        XCTAssertEqual(type("q\u{03}\r\t\u{7F}"), [.key(.char("q")), .key(.ctrl("c")), .key(KeyChord(.enter)),
                                                    .key(KeyChord(.tab)), .key(KeyChord(.backspace))])
        XCTAssertEqual(type("é日"), [.key(.char("é")), .key(.char("日"))])
        XCTAssertEqual(type("\u{1B}"), [.key(KeyChord(.escape))], "a lone Escape arrives after the short delay")
        XCTAssertEqual(type("\u{1B}x"), [.key(KeyChord(.character("x"), .alt))])
        // SGR mouse reports (xterm-256color's kmous): press at column 5, row 3 (1-based), then wheel down.
        XCTAssertEqual(type("\u{1B}[<0;5;3M"), [.mouse(MouseEvent(x: 4, y: 2, action: .press(.left)))])
        XCTAssertEqual(type("\u{1B}[<65;10;4M"), [.mouse(MouseEvent(x: 9, y: 3, action: .wheelDown))])

        // A wake from another thread ends the wait with no input.
        let waker = backend.waker
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { waker() }
        let started = Date()
        XCTAssertEqual(backend.waitForInput(timeout: .seconds(5)), [])
        XCTAssertLessThan(Date().timeIntervalSince(started), 2)
    }
}

final class CursesPaletteRestoreTests: XCTestCase {
    /// With palette redefinition, exact theme colours are loaded into palette entries; the
    /// terminal's own palette must come back on exit (xterm's `oc`, OSC 104).
    func testRedefinedPaletteIsResetOnExit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("curses-\(UUID().uuidString).out").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var fds: [Int32] = [0, 0]
        XCTAssertEqual(pipe(&fds), 0)
        let input = try XCTUnwrap(fdopen(fds[0], "r"))
        let output = try XCTUnwrap(fopen(path, "w"))
        let backend = try CursesBackend(.init(theme: try ThemeLoader.defaultTheme(),
                                              environment: ["TERM": "xterm-256color", "COLORTERM": "truecolor"],
                                              terminalType: "xterm-256color", input: input, output: output,
                                              installSignalHandlers: false))
        XCTAssertEqual(backend.colorMode, .redefinable(slots: 240))
        var canvas = Canvas(width: 80, height: 24)
        canvas.draw("accent", x: 0, y: 0, style: Style(fg: .accent))
        backend.draw(canvas)
        backend.shutdown()
        fclose(output)
        fclose(input)
        close(fds[1])
        let written = try String(contentsOfFile: path, encoding: .isoLatin1)
        XCTAssertTrue(written.contains("\u{1B}]4;16;rgb:5F/AF/EF"), "the accent #5fafef was loaded exactly")
        XCTAssertTrue(written.contains("\u{1B}]104\u{07}"), "the palette was reset on exit")
    }
}
