import Foundation
import XCTest

/// The `ffmpeg` tool, for tests that need a clip of a given make (skipped where it is absent).
enum FFmpegTool {
    /// Runs `ffmpeg -v error -y arguments` and expects success.
    static func run(_ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws {
        let tool = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw XCTSkip("the ffmpeg tool is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-v", "error", "-y"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "ffmpeg could not write the test clip", file: file, line: line)
    }
}
