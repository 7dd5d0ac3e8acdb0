import Foundation
import XCTest

/// `make install`'s script on the built binary: the binary, the three shells' completions
/// (written by the installed copy) and, when the manual generator is given, a man page.
final class InstallScriptTests: XCTestCase {
    private static let script = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/install.sh")

    private func install(into prefix: URL, extra: [String] = []) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script.path, CLI.executable.path, prefix.path] + extra
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func testInstallsTheBinaryAndCompletionsForEveryShell() throws {
        let prefix = try CLI.scratchDirectory(self).appendingPathComponent("prefix")
        let r = try install(into: prefix)
        XCTAssertEqual(r.status, 0, r.output)
        XCTAssertTrue(r.output.contains("(project format "), r.output)
        let bin = prefix.appendingPathComponent("bin/blendscope").path
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: bin))
        for (path, marker) in [("share/bash-completion/completions/blendscope", "complete"),
                               ("share/zsh/site-functions/_blendscope", "#compdef blendscope"),
                               ("share/fish/vendor_completions.d/blendscope.fish", "complete -c 'blendscope'")] {
            let text = try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            XCTAssertTrue(text.contains(marker), path)
            XCTAssertTrue(text.contains("confusion"), "\(path) completes the verbs")
        }
    }

    func testRefusesAMissingBinary() throws {
        let prefix = try CLI.scratchDirectory(self).appendingPathComponent("prefix")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [Self.script.path, "/nonexistent/blendscope", prefix.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertFalse(FileManager.default.fileExists(atPath: prefix.path), "nothing installed")
    }
}
