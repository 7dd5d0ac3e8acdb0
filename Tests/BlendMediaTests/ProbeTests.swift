import XCTest
import BlendMedia

/// Probe values must equal what ffprobe reports for the same file.
final class ProbeTests: XCTestCase {
    /// Makes a clip (once ffmpeg is known to be there), checks its probe against ffprobe and
    /// returns the probe for the test's own checks.
    private func probeMatchingFFprobe(_ clip: () throws -> String,
                                      file: StaticString = #filePath, line: UInt = #line) throws -> VideoInfo {
        try FFmpegCLI.requireTools()
        let path = try clip()
        let info = try VideoProbe.info(path: path)
        let (stream, format) = try FFmpegCLI.probe(path)
        XCTAssertEqual(info.container, format["format_name"] as? String, file: file, line: line)
        XCTAssertEqual(info.codec, stream["codec_name"] as? String, file: file, line: line)
        XCTAssertEqual(info.width, stream["width"] as? Int, file: file, line: line)
        XCTAssertEqual(info.height, stream["height"] as? Int, file: file, line: line)
        XCTAssertEqual(info.frames, Int(stream["nb_frames"] as? String ?? ""), file: file, line: line)
        let duration = try XCTUnwrap(Double(stream["duration"] as? String ?? ""), file: file, line: line)
        XCTAssertEqual(info.duration, duration, accuracy: 1e-6, file: file, line: line)
        let rate = try XCTUnwrap(stream["avg_frame_rate"] as? String, file: file, line: line)
        let parts = rate.split(separator: "/").compactMap { Double($0) }
        XCTAssertEqual(info.fps, parts[0] / parts[1], accuracy: 1e-9, file: file, line: line)
        let sideData = stream["side_data_list"] as? [[String: Any]] ?? []
        let rotation = sideData.compactMap { $0["rotation"] as? Int }.first ?? 0
        XCTAssertEqual(info.rotation, (rotation % 360 + 360) % 360, file: file, line: line)
        return info
    }

    func testMPEG4InQuickTime() throws {
        let info = try probeMatchingFFprobe(TestClips.testsrcMPEG4MOV)
        XCTAssertEqual(info.codec, "mpeg4")
        XCTAssertEqual(info.frames, 60)
        XCTAssertEqual(info.rotation, 0)
    }

    func testH264InMP4() throws {
        let info = try probeMatchingFFprobe(TestClips.testsrcH264MP4)
        XCTAssertEqual(info.codec, "h264")
        XCTAssertEqual(info.fps, 25)
        XCTAssertEqual(info.frames, 50)
    }

    func testRotationFromDisplayMatrix() throws {
        let info = try probeMatchingFFprobe(TestClips.rotatedH264MOV)
        XCTAssertEqual(info.rotation, 90)
        XCTAssertTrue(info.isQuarterTurn)
        XCTAssertEqual(info.displayAspect, 120.0 / 160.0, accuracy: 1e-12)
    }

    /// Matroska keeps no frame count or stream duration: they come from the container's
    /// duration and the frame rate.
    func testMatroskaWithoutAFrameCount() throws {
        try FFmpegCLI.requireTools()
        let path = try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "2"], ext: "mkv")
        let info = try VideoProbe.info(path: path)
        let (stream, format) = try FFmpegCLI.probe(path)
        XCTAssertNil(stream["nb_frames"])
        XCTAssertEqual(info.container, format["format_name"] as? String)
        XCTAssertEqual(info.duration, Double(format["duration"] as? String ?? "") ?? -1, accuracy: 1e-6)
        XCTAssertEqual(info.fps, 30)
        XCTAssertEqual(info.frames, 60)
    }

    func testInfoEncodesTheKeysScriptsRead() throws {
        let info = VideoInfo(container: "mov", codec: "h264", width: 640, height: 480, rotation: 0,
                             duration: 2.5, fps: 30, frames: 75)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(info)) as? [String: Any]
        for key in ["width", "height", "duration", "fps", "frames", "codec", "rotation"] {
            XCTAssertNotNil(json?[key], key)
        }
    }
}
