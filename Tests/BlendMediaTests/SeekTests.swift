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

    /// A keyframe asked for first is decoded alone and the decoder drained at once (the first
    /// frame's shortcut); whatever follows, playback or a later request, must still be every
    /// frame in turn. Every frame is tried first on a fresh decoder, so every keyframe is.
    func testFramesAfterAKeyframeDecodedAlone() throws {
        try FFmpegCLI.requireTools()
        let size = PixelSize(width: 16, height: 16)
        for path in [try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "3"], ext: "mp4"),
                     try TestClips.numbered(codec: ["-c:v", "libx264", "-bf", "2"], ext: "mkv")] {
            for n in 0..<60 {
                let decoder = try VideoDecoder(path: path)
                XCTAssertEqual(frameNumber(try decoder.frame(at: Double(n) / 30, size: size)), n, "\(path) at \(n)")
                guard n + 3 < 60 else { continue }
                XCTAssertEqual(frameNumber(try XCTUnwrap(decoder.nextFrame(size: size))), n + 1, "\(path) after \(n)")
                XCTAssertEqual(frameNumber(try decoder.frame(at: Double(n + 3) / 30, size: size)), n + 3, "\(path) at \(n + 3)")
            }
        }
    }

    /// An MP4 with a sound track opens from its header alone (no probe): the frames' times and
    /// the clip's facts are still what ffmpeg and ffprobe give.
    func testMP4WithSoundOpensFromItsHeader() throws {
        try FFmpegCLI.requireTools()
        let path = try TestClips.clip("numbered-sound.mp4") {
            _ = try FFmpegCLI.run("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=black:size=64x64:rate=30,format=gbrp,geq=r='4*N':g='255-4*N':b=128",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "2",
                "-c:v", "libx264", "-bf", "3", "-g", "12", "-pix_fmt", "yuv420p", "-c:a", "aac", $0,
            ])
        }
        let decoder = try VideoDecoder(path: path)
        XCTAssertEqual(decoder.info.width, 64)
        XCTAssertEqual(decoder.info.frames, 60)
        XCTAssertEqual(decoder.info.fps, 30, accuracy: 1e-9)
        XCTAssertEqual(decoder.info.duration, 2, accuracy: 0.05)
        let probed = try FFmpegCLI.probe(path).stream
        XCTAssertEqual(probed["nb_frames"] as? String, "60")
        for n in [0, 1, 29, 12, 59] {
            let frame = try decoder.frame(at: Double(n) / 30, size: PixelSize(width: 16, height: 16))
            XCTAssertEqual(frameNumber(frame), n)
            XCTAssertEqual(frame.time, Double(n) / 30, accuracy: 1e-3)
        }
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
