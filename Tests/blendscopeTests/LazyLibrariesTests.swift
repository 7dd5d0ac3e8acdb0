import Foundation
import XCTest

/// A verb pays only for the libraries it uses: FFmpeg is opened on the first media call, so
/// `eval` never maps it, and a machine without FFmpeg runs every other verb and hears about the
/// missing library only from a media verb.
///
/// What a process loads is read from the dynamic loader's own trace (`LD_DEBUG=files` lists
/// every object it maps, at start or by dlopen, on stderr): robust where sampling
/// /proc/PID/maps of a process that exits in milliseconds is not.
final class LazyLibrariesTests: XCTestCase {
    private let publicSet = CLI.fixtures.appendingPathComponent("public_set")
    private let ffmpegLibraries = ["libavformat", "libavcodec", "libswscale", "libavutil"]

    /// A small project: the public set's metadata and one encoder, current at α 0.1, β 0.2.
    private func project(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("p.sqlite").path
        for arguments in [
            ["import", path, "--metadata", publicSet.appendingPathComponent("train_metadata.csv").path,
             "--metadata", publicSet.appendingPathComponent("test_metadata.csv").path],
            ["import", path, "--probs", publicSet.appendingPathComponent("probs_face.csv").path, "--encoder", "face"],
            ["use", path, "--encoder", "face", "--alpha", "0.1", "--beta", "0.2"],
        ] {
            let r = try CLI.run(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr)")
        }
        return path
    }

    /// The file names the loader reports mapping (`file=NAME [0];  needed by …` or
    /// `… dynamically loaded by …`).
    ///
    /// The trace goes to files (LD_DEBUG_OUTPUT), not stderr: FFmpeg's is larger than a pipe
    /// holds, and the child would block on it.
    private func loadedObjects(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (result: CLI.Result, objects: Set<String>) {
        let traces = try CLI.scratchDirectory(self)
        var env = environment
        env["LD_DEBUG"] = "files"
        env["LD_DEBUG_OUTPUT"] = traces.appendingPathComponent("trace").path
        let r = try CLI.run(arguments, environment: env)
        var text = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: traces.path) {
            text += try String(contentsOf: traces.appendingPathComponent(name), encoding: .utf8)
        }
        var objects: Set<String> = []
        for line in text.split(separator: "\n") {
            guard let start = line.range(of: "file=") else { continue }
            let name = line[start.upperBound...].prefix { $0 != " " && $0 != "[" }
            objects.insert(String(name.split(separator: "/").last ?? name))
        }
        return (r, objects)
    }

    private func ffmpeg(in objects: Set<String>) -> [String] {
        objects.filter { name in ffmpegLibraries.contains { name.hasPrefix($0) } }.sorted()
    }

    /// A short clip written by the `ffmpeg` tool, or a skip where it is not installed.
    private func clip(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("clip.mov").path
        let tool = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else { throw XCTSkip("the ffmpeg tool is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-v", "error", "-f", "lavfi", "-i", "testsrc=size=64x48:rate=10", "-t", "1",
                             "-c:v", "mpeg4", "-y", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "ffmpeg could not write the test clip")
        return path
    }

    func testVerbsThatDoNotTouchMediaNeverMapFFmpeg() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try project(in: dir)
        for arguments in [["eval", path, "--json"], ["sweep", path], ["confusion", path], ["folds", path], ["actors", path],
                          ["--help"]] {
            let (r, objects) = try loadedObjects(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments): \(r.stderr.suffix(500))")
            // The trace works: the C library is always in it.
            XCTAssertTrue(objects.contains { $0.hasPrefix("libc.so") }, "no loader trace for \(arguments)")
            XCTAssertEqual(ffmpeg(in: objects), [], "\(arguments) mapped FFmpeg")
            // Nor the other heavy libraries opened on first use: figures' cairo, training's
            // OpenBLAS, playback's ALSA, the spectrogram's FFTW, sixel graphics' libsixel.
            XCTAssertEqual(objects.filter { name in lazyLibraries.contains { name.hasPrefix($0) } }.sorted(), [],
                           "\(arguments) mapped a library it does not use")
        }
    }

    private let lazyLibraries = ["libcairo", "libopenblas", "libasound", "libfftw3", "libsixel"]

    func testAMediaVerbLoadsFFmpegWhenItRuns() throws {
        let dir = try CLI.scratchDirectory(self)
        let video = try clip(in: dir)
        let (r, objects) = try loadedObjects(["media", "probe", video, "--json"])
        XCTAssertEqual(r.status, 0, r.stderr.suffix(500).description)
        XCTAssertEqual(ffmpeg(in: objects), ["libavcodec.so.59", "libavformat.so.59", "libavutil.so.57", "libswscale.so.6"])
    }

    /// BLENDSCOPE_LIBAV_DIR (for tests only) points the loader at a folder without FFmpeg: the
    /// machine a user without the libraries has.
    func testMissingFFmpegIsReportedOnlyWhenAMediaVerbRuns() throws {
        let dir = try CLI.scratchDirectory(self)
        let path = try project(in: dir)
        let video = try clip(in: dir)
        let noFFmpeg = ["BLENDSCOPE_LIBAV_DIR": "/nonexistent"]

        let normal = try CLI.run(["eval", path, "--json"])
        let without = try CLI.run(["eval", path, "--json"], environment: noFFmpeg)
        XCTAssertEqual(without.status, 0, without.stderr)
        XCTAssertEqual(without.stdout, normal.stdout)
        XCTAssertEqual(without.stderr, "")

        let expected = "libavformat.so.59 not found: install libavformat59 (apt-get install libavformat59)"
        for arguments in [["media", "probe", video], ["media", "frame", video]] {
            let r = try CLI.run(arguments, environment: noFFmpeg)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertEqual(r.stdout, "", "\(arguments)")
            XCTAssertTrue(r.stderr.contains("\(video): \(expected)"), "\(arguments): \(r.stderr)")
            XCTAssertEqual(r.stderr.split(separator: "\n").count, 1, "one line: \(r.stderr)")
        }
        // The same clip reads fine where the libraries are.
        XCTAssertEqual(try CLI.run(["media", "probe", video]).status, 0)
    }
}
