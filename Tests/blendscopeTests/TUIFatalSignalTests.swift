import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// A fatal signal in the TUI (a crash, or `kill -SEGV` from outside) puts the terminal back
/// and ends the process by that signal: the shell sees 128 + the signal's number, the normal
/// screen is back and the line discipline echoes again. One tmux server (`-L`, never the
/// user's), one session, one run of the TUI per signal.
final class TUIFatalSignalTests: XCTestCase {
    private var socket = ""

    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        // Through `system`, as TUIEndToEndTests explains: the forked server upsets `Process`.
        let status = system(quoted.joined(separator: " ") + " >'\(output.path)' 2>/dev/null </dev/null")
        guard status == 0 else { throw CLI.Failure(message: "tmux \(arguments.joined(separator: " ")) failed (\(status))") }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    @discardableResult
    private func waitFor(_ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline {
            text = try tmux(["capture-pane", "-p", "-t", "sig"])
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(text)")
        throw CLI.Failure(message: "timed out waiting for \(what)")
    }

    func testEachFatalSignalRestoresTheTerminalAndKillsTheProcessByThatSignal() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux") || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/tmux")
        else { throw XCTSkip("tmux is not installed") }
        socket = "blendscope-sig-\(UUID().uuidString.prefix(8))"
        addTeardownBlock { [socket] in
            _ = system("tmux -L '\(socket)' kill-server 2>/dev/null")
            let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
        }
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let pidFile = dir.appendingPathComponent("tui.pid").path
        try tmux(["new-session", "-d", "-s", "sig", "-x", "100", "-y", "30", "sh"])
        // No core files in the scratch folder: the default action is kept, its dump disabled.
        try tmux(["send-keys", "-t", "sig", "ulimit -c 0", "Enter"])

        let signals: [(String, Int32)] = [("SEGV", SIGSEGV), ("BUS", SIGBUS), ("ILL", SIGILL), ("FPE", SIGFPE),
                                          ("ABRT", SIGABRT), ("QUIT", SIGQUIT)]
        for (name, number) in signals {
            try? FileManager.default.removeItem(atPath: pidFile)
            try tmux(["send-keys", "-t", "sig", "clear", "Enter"])
            let run = "sh -c 'echo $$ >\(pidFile); exec \(CLI.executable.path) \(project)'; echo \"di\"\"ed=$?\"; "
                + "echo \"mo\"\"des: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')\""
            try tmux(["send-keys", "-t", "sig", run, "Enter"])
            try waitFor("the TUI's overview (\(name))") { $0.contains("honest Score") }
            let pid = try XCTUnwrap(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
            XCTAssertEqual(kill(pid, number), 0)
            // The typed command spells the markers in pieces, so only the output matches.
            let after = try waitFor("the shell after SIG\(name)") { $0.split(separator: "\n").contains { $0.hasPrefix("modes:") } }
            XCTAssertTrue(after.contains("died=\(128 + number)"), "SIG\(name): \(after)")
            XCTAssertFalse(after.contains("honest Score"), "SIG\(name): the normal screen is back\n\(after)")
            let modes = after.split(separator: "\n").first { $0.hasPrefix("modes:") }.map(String.init) ?? ""
            XCTAssertTrue(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-"),
                          "SIG\(name): the terminal mode is back: \(modes)")
        }
    }
}
