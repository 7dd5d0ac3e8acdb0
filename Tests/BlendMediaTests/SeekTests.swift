import XCTest
import BlendMedia

/// Seeking must land on the frame shown at the requested time, whatever keyframe precedes it.
final class SeekTests: XCTestCase {
    /// The frame number the numbered clip's colour encodes (red 4n, green 255 − 4n).
    private func frameNumber(_ frame: VideoFrame) -> Int {
        let pixel = frame.image[frame.image.width / 2, frame.image.height / 2]
        return Int(((Double(pixel.red) + 255 - Double(pixel.green)) / 8).rounded())
    }

    private func checkSeeking(_ path: String) throws {
        let decoder = try VideoDecoder(path: path)
        // Forward and backward jumps, across keyframes (every 12 frames) and within a group.
        for n in [0, 17, 5, 59, 30, 31, 12, 11, 44, 1] {
            let frame = try decoder.frame(at: Double(n) / 30, size: PixelSize(width: 16, height: 16))
            XCTAssertEqual(frameNumber(frame), n, "frame at \(n)/30 s in \(path)")
            XCTAssertEqual(frame.time, Double(n) / 30, accuracy: 1e-3)
        }
        // Between two frames the earlier one is on screen.
        XCTAssertEqual(frameNumber(try decoder.frame(at: 20.5 / 30)), 20)
        // Playback continues from a seek without skipping or repeating.
        _ = try decoder.frame(at: 40.0 / 30)
        for n in 41...45 {
            let next = try XCTUnwrap(decoder.nextFrame())
            XCTAssertEqual(frameNumber(next), n)
        }
        // Past the end, the last frame stays on screen.
        XCTAssertEqual(frameNumber(try decoder.frame(at: 10)), 59)
    }

    func testSeekingInMPEG4() throws {
        try FFmpegCLI.requireTools()
        try checkSeeking(try TestClips.numbered(codec: ["-c:v", "mpeg4", "-q:v", "2"], ext: "mov"))
    }

    func testSeekingInH264WithBFrames() throws {
        try FFmpegCLI.requireTools()
        try checkSeeking(try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "3"], ext: "mp4"))
    }

    /// Matroska keeps millisecond timestamps (frame 2 at 0.067 s, not 2/30 s).
    func testSeekingInMatroska() throws {
        try FFmpegCLI.requireTools()
        try checkSeeking(try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "2"], ext: "mkv"))
    }

    func testSequentialDecodingVisitsEveryFrameOnce() throws {
        try FFmpegCLI.requireTools()
        let decoder = try VideoDecoder(path: try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "3"], ext: "mp4"))
        var numbers: [Int] = []
        var times: [Double] = []
        while let frame = try decoder.nextFrame(size: PixelSize(width: 8, height: 8)) {
            numbers.append(frameNumber(frame))
            times.append(frame.time)
        }
        XCTAssertEqual(numbers, Array(0..<60))
        XCTAssertEqual(times.first ?? -1, 0, accuracy: 1e-9)
        XCTAssertEqual(times.last ?? -1, 59.0 / 30, accuracy: 1e-3)
        XCTAssertNil(try decoder.nextFrame())
    }

    func testNegativeTimeIsRefused() throws {
        try FFmpegCLI.requireTools()
        let decoder = try VideoDecoder(path: try TestClips.testsrcMPEG4MOV())
        XCTAssertThrowsError(try decoder.frame(at: -1)) { error in
            XCTAssertEqual((error as? MediaError)?.kind, .invalidRequest)
        }
    }
}
