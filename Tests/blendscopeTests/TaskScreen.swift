import BlendTestSupport
import Foundation
import XCTest

/// The workbench in tmux at 160×48 for one of the three tasks, with the task's screens kept as
/// goldens at 160×48 and 80×24 (`Tests/Fixtures/tui-golden/tasks/`): at each kept step the
/// window is captured once the screen is ready and settled, resized to 80×24, captured again
/// once the workbench has redrawn there, and resized back.
final class TaskScreen {
    let session: TmuxSession
    /// `demo-a`, `real-c`: the goldens' prefix.
    let prefix: String
    private let test: XCTestCase

    static let goldens = CLI.fixtures.appendingPathComponent("tui-golden/tasks")

    /// Opens `project` in the workbench (`arguments` after it, `environment` before the
    /// command) and waits for the Overview's encoder table.
    init(_ test: XCTestCase, prefix: String, project: String, arguments: [String] = [],
         environment: String = "") throws {
        guard (try? CLI.run(["--version"])) != nil else { throw XCTSkip("the binary is not built") }
        self.test = test
        self.prefix = prefix
        session = try TmuxSession(test, name: prefix, width: 160, height: 48)
        // Colour off for every capture alike; the header names the file, never the folder.
        let command = ["cd", URL(fileURLWithPath: project).deletingLastPathComponent().path, "&&", "NO_COLOR=1", environment,
                       CLI.executable.path, URL(fileURLWithPath: project).lastPathComponent] + arguments
        try session.keys(command.filter { !$0.isEmpty }.joined(separator: " "), "Enter")
        // On the demo the encoder table sweeps twelve encoders: slow in a debug build.
        try session.waitFor("the overview with its encoders", timeout: 180) {
            $0.contains("Encoders at their own best") && !$0.contains("sweeping")
        }
    }

    func keys(_ keys: String...) throws { try session.tmux(["send-keys", "-t", session.name] + keys) }

    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 60, _ condition: (String) -> Bool) throws -> String {
        try session.waitFor(what, timeout: timeout, condition)
    }

    /// Waits for a screen that satisfies `ready`, shows no toast (toasts are the only rounded
    /// boxes; they go after 4 s) and reads the same twice in a row, then compares it with
    /// `PREFIX-STEP-160x48.txt` and, redrawn at 80×24 (`ready80`, default `ready`), with
    /// `…-80x24.txt`; returns the 160×48 screen.
    @discardableResult
    func golden(_ step: String, _ ready: @escaping (String) -> Bool, at80 ready80: ((String) -> Bool)? = nil,
                file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let wide = try settled("\(step) at 160×48", ready)
        check(wide, "\(prefix)-\(step)-160x48.txt", file: file, line: line)
        try session.tmux(["resize-window", "-t", session.name, "-x", "80", "-y", "24"])
        // The workbench's own redraw, not tmux's cropped copy of the wide screen.
        let narrow = try settled("\(step) at 80×24", width: 80) { (ready80 ?? ready)($0) }
        check(narrow, "\(prefix)-\(step)-80x24.txt", file: file, line: line)
        try session.tmux(["resize-window", "-t", session.name, "-x", "160", "-y", "48"])
        try settled("\(step) back at 160×48", ready)
        return wide
    }

    /// Quits and waits for the shell's prompt.
    func quit() throws {
        try keys("q")
        try waitFor("the shell's prompt") { text in
            !text.contains("1 Overview") && text.split(separator: "\n").contains {
                let line = $0.trimmingCharacters(in: .whitespaces)
                return line.hasSuffix("#") || line.hasSuffix("$")
            }
        }
    }

    /// What a pane shows while its numbers are still on their way.
    static let busy = ["reading", "sweeping", "computing", "finding", "decoding", "measuring", "updating…", "[…]", "CI …"]

    /// Waits for the workbench drawn at `width` (its first pane's top border ends at the
    /// right edge, which tmux's cropped copy of a wider screen does not), `ready`, nothing
    /// busy, no toast (toasts are the only rounded boxes; they go after 4 s), and the same
    /// screen twice in a row.
    @discardableResult
    private func settled(_ what: String, width: Int = 160, _ ready: (String) -> Bool) throws -> String {
        var previous = ""
        return try session.waitFor(what, timeout: 90) { text in
            defer { previous = text }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            guard lines.count > 1, lines[1].count == width, let corner = lines[1].last, "┐┓".contains(corner) else { return false }
            return ready(text) && !Self.busy.contains(where: text.contains) && !text.contains("╭") && text == previous
        }
    }

    private func check(_ screen: String, _ name: String, file: StaticString, line: UInt) {
        try? FileManager.default.createDirectory(at: Self.goldens, withIntermediateDirectories: true)
        if let failure = GoldenFile.failure(Self.masked(screen), name, in: Self.goldens) {
            XCTFail(failure, file: file, line: line)
        }
    }

    /// What changes from run to run masked: clock times and dates, durations and ETAs
    /// (`3.2 s`, `1 min 4 s`, `12 ms`), the spinner; trailing spaces dropped.
    static func masked(_ screen: String) -> String {
        var text = screen
        let patterns: [(String, String)] = [
            (#"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?Z?"#, "<time>"),
            (#"\b\d{1,2}:\d{2}:\d{2}\b"#, "<clock>"),
            (#"\b\d+(\.\d+)? ?(ms|s|min|h)\b"#, "<t>"),
            // Not braille: the charts draw with it.
            ("[⟳◐◓◑◒]", "*"),
        ]
        for (pattern, replacement) in patterns {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }
}
