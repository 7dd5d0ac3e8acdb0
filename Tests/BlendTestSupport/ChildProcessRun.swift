import Foundation

/// A child process run to its end with both pipes read, for the tests that drive a real
/// program (the blendscope binary, ffmpeg, ffprobe).
public struct ChildProcessRun: Sendable {
    public let status: Int32
    public let stdout: Data
    public let stderr: Data

    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }

    /// Runs `executable` with `arguments` (and `environment` over this process's own, when given).
    public static func run(_ executable: URL, _ arguments: [String],
                           environment: [String: String]? = nil) throws -> ChildProcessRun {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ChildProcessRun(status: process.terminationStatus, stdout: stdout, stderr: stderr)
    }
}
