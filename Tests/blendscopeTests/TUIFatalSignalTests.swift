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
    func testEachFatalSignalRestoresTheTerminalAndKillsTheProcessByThatSignal() throws {
        let dir = try CLI.scratchDirectory(self)
        let project = try HandProject.make(in: dir)
        let pidFile = dir.appendingPathComponent("tui.pid").path
        let session = try TmuxSession(self, name: "sig", width: 100, height: 30)
        // No core files in the scratch folder: the default action is kept, its dump disabled.
        try session.tmux(["send-keys", "-t", "sig", "ulimit -c 0", "Enter"])

        let signals: [(String, Int32)] = [("SEGV", SIGSEGV), ("BUS", SIGBUS), ("ILL", SIGILL), ("FPE", SIGFPE),
                                          ("ABRT", SIGABRT), ("QUIT", SIGQUIT)]
        for (name, number) in signals {
            try? FileManager.default.removeItem(atPath: pidFile)
            try session.tmux(["send-keys", "-t", "sig", "clear", "Enter"])
            let run = "sh -c 'echo $$ >\(pidFile); exec \(CLI.executable.path) \(project)'; echo \"di\"\"ed=$?\"; "
                + "echo \"mo\"\"des: $(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')\""
            try session.tmux(["send-keys", "-t", "sig", run, "Enter"])
            try session.waitFor("the TUI's overview (\(name))") { $0.contains("honest Score") }
            let pid = try XCTUnwrap(Int32((try String(contentsOfFile: pidFile, encoding: .utf8)).trimmingCharacters(in: .whitespacesAndNewlines)))
            XCTAssertEqual(kill(pid, number), 0)
            // The typed command spells the markers in pieces, so only the output matches.
            let after = try session.waitFor("the shell after SIG\(name)") { $0.split(separator: "\n").contains { $0.hasPrefix("modes:") } }
            XCTAssertTrue(after.contains("died=\(128 + number)"), "SIG\(name): \(after)")
            XCTAssertFalse(after.contains("honest Score"), "SIG\(name): the normal screen is back\n\(after)")
            let modes = after.split(separator: "\n").first { $0.hasPrefix("modes:") }.map(String.init) ?? ""
            XCTAssertTrue(modes.contains(" icanon") && modes.contains(" echo") && !modes.contains("-"),
                          "SIG\(name): the terminal mode is back: \(modes)")
        }
    }
}
