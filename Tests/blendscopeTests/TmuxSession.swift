import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// One tmux session on a tmux server of the test's own (`-L`, never the user's), removed when
/// the test ends: the real binary driven as a person would, through keys and the screen.
final class TmuxSession {
    let socket: String
    let name: String

    /// Starts a shell in a `width`×`height` session; skips the test when tmux is missing.
    init(_ test: XCTestCase, name: String, width: Int = 100, height: Int = 30) throws {
        guard ["/usr/bin/tmux", "/usr/local/bin/tmux"].contains(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("tmux is not installed")
        }
        socket = "blendscope-\(name)-\(UUID().uuidString.prefix(8))"
        self.name = name
        test.addTeardownBlock { [socket] in
            _ = system("tmux -L '\(socket)' kill-server 2>/dev/null")
            // kill-server leaves the socket file behind when the last session already ended.
            let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
            try? FileManager.default.removeItem(atPath: "\(directory)/tmux-\(getuid())/\(socket)")
        }
        try tmux(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "sh"])
    }

    /// Runs a tmux client through `system`, which waits for its own child: the server that the
    /// first call forks outlives the client, which upsets `Process`'s exit monitoring. Output
    /// goes through a file.
    @discardableResult
    func tmux(_ arguments: [String]) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString).out")
        defer { try? FileManager.default.removeItem(at: output) }
        let quoted = (["tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let status = system(quoted.joined(separator: " ") + " >'\(output.path)' 2>/dev/null </dev/null")
        guard status == 0 else { throw CLI.Failure(message: "tmux \(arguments.joined(separator: " ")) failed (\(status))") }
        return (try? String(contentsOf: output, encoding: .utf8)) ?? ""
    }

    func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", name]) }

    func keys(_ keys: String...) throws { try tmux(["send-keys", "-t", name] + keys) }

    /// Waits until the screen satisfies `condition` (the TUI works in the background).
    @discardableResult
    func waitFor(_ what: String, timeout: TimeInterval = 20, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        while Date() < deadline {
            text = try screen()
            if condition(text) { return text }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("timed out waiting for \(what); the screen was:\n\(text)")
        throw CLI.Failure(message: "timed out waiting for \(what)")
    }
}
