import BlendTestSupport
import Foundation
import XCTest

/// The `ffmpeg` / `ffprobe` command-line tools, the independent reference the tests compare with.
enum FFmpegCLI {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The tool's path on `PATH`, or nil when it is not installed.
    static func locate(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Skips the calling test when `ffmpeg` or `ffprobe` is missing.
    static func requireTools() throws {
        for tool in ["ffmpeg", "ffprobe"] where locate(tool) == nil {
            throw XCTSkip("\(tool) is not installed")
        }
    }

    /// Runs a tool and returns its standard output; throws with its stderr on failure.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        guard let executable = locate(tool) else { throw XCTSkip("\(tool) is not installed") }
        let result = try ChildProcessRun.run(URL(fileURLWithPath: executable), arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: " + result.stderrText)
        }
        return result.stdout
    }

    /// Encodes a lavfi source into `path` (overwriting it).
    static func makeClip(_ path: String, source: String, duration: Double, codec: [String],
                         extra: [String] = []) throws {
        try run("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", source, "-t", String(duration)]
            + codec + extra + [path])
    }

    /// ffprobe's view of the first video stream and the format, as parsed JSON.
    static func probe(_ path: String) throws -> (stream: [String: Any], format: [String: Any]) {
        let data = try run("ffprobe", ["-v", "error", "-select_streams", "v:0", "-show_streams",
                                       "-show_format", "-of", "json", path])
        let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let streams = json?["streams"] as? [[String: Any]] ?? []
        guard let stream = streams.first, let format = json?["format"] as? [String: Any] else {
            throw Failure(description: "ffprobe found no video stream in \(path)")
        }
        return (stream, format)
    }

    /// The frame `ffmpeg` shows at `seconds`, as packed RGB at its display size (autorotated).
    static func frameRGB(_ path: String, at seconds: Double, width: Int, height: Int) throws -> [UInt8] {
        let data = try run("ffmpeg", ["-v", "error", "-ss", String(seconds), "-i", path,
                                      "-frames:v", "1", "-f", "rawvideo", "-pix_fmt", "rgb24", "-"])
        guard data.count == width * height * 3 else {
            throw Failure(description: "ffmpeg gave \(data.count) bytes, expected \(width)×\(height)×3")
        }
        return [UInt8](data)
    }
}
