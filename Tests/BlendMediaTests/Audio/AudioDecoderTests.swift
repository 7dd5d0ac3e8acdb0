import Foundation
import XCTest
@testable import BlendMedia

/// The clip's sound decoded through libswresample, checked against the `ffmpeg` tool's own
/// decode of the same file (`ffmpeg -i … -ac 1 -ar 16000 -f f32le -`).
final class AudioDecoderTests: XCTestCase {
    /// testsrc with a tone: 1 s loud 440 Hz, then 1 s quiet 880 Hz, AAC in MP4.
    static func toneClip() throws -> String {
        try FFmpegCLI.requireTools()
        return try TestClips.clip("tone-aac.mp4") {
            try FFmpegCLI.run("ffmpeg", [
                "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=25",
                "-f", "lavfi", "-i", "aevalsrc=0.6*sin(2*PI*440*t)*lt(t\\,1)+0.05*sin(2*PI*880*t)*gte(t\\,1):s=48000:d=2",
                "-t", "2", "-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k", $0,
            ])
        }
    }

    private func reference(_ path: String) throws -> [Float] {
        let data = try FFmpegCLI.run("ffmpeg", ["-v", "error", "-i", path, "-vn", "-ac", "1", "-ar", "16000", "-f", "f32le", "-"])
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }

    func testDecodeMatchesFFmpegsOwn() throws {
        let path = try Self.toneClip()
        let clip = try AudioDecoder.decode(path: path)
        XCTAssertEqual(clip.sampleRate, 16_000)
        XCTAssertEqual(clip.channels, 1)
        let expected = try reference(path)
        // Same decoder, same resampler: the counts agree to within one AAC frame at 16 kHz.
        XCTAssertEqual(Double(clip.frames), Double(expected.count), accuracy: 342)
        XCTAssertEqual(clip.duration, 2, accuracy: 0.03)

        let ours = AudioEnvelope(clip)
        let theirs = AudioEnvelope(mono: expected, sampleRate: 16_000)
        XCTAssertEqual(ours.window, 0.02)
        let shared = min(ours.rms.count, theirs.rms.count)
        XCTAssertGreaterThan(shared, 90)
        for i in 0..<shared {
            XCTAssertEqual(ours.rms[i], theirs.rms[i], accuracy: 0.01, "window \(i)")
        }
        // The tone: ~0.42 RMS (0.6/√2) in the first second, ~0.035 in the second.
        XCTAssertEqual(ours.rms[20], 0.6 / 2.0.squareRoot(), accuracy: 0.03)
        XCTAssertEqual(ours.rms[75], 0.05 / 2.0.squareRoot(), accuracy: 0.01)
    }

    func testStereoAt48kHz() throws {
        let path = try Self.toneClip()
        let clip = try AudioDecoder.decode(path: path, sampleRate: 48_000, channels: 2)
        XCTAssertEqual(clip.channels, 2)
        XCTAssertEqual(clip.duration, 2, accuracy: 0.03)
        XCTAssertEqual(clip.samples.count, clip.frames * 2)
        // A mono source copied to both channels.
        XCTAssertEqual(clip.samples[2000], clip.samples[2001], accuracy: 1e-4)
    }

    func testSummaryFigures() throws {
        let summary = AudioSummary(try AudioDecoder.decode(path: try Self.toneClip()))
        // AAC rings a little at the switch from the loud tone to the quiet one.
        XCTAssertGreaterThanOrEqual(summary.peak, 0.58)
        XCTAssertLessThanOrEqual(summary.peak, 0.8)
        // The quiet second is 22 dB under the loud one: not voiced; the loud one is.
        XCTAssertEqual(summary.voicedShare, 0.5, accuracy: 0.04)
        XCTAssertEqual(summary.rms, ((0.18 + 0.00125) / 2).squareRoot(), accuracy: 0.02)
    }

    func testASilentClipSaysSo() throws {
        let path = try TestClips.testsrcMPEG4MOV()
        XCTAssertThrowsError(try AudioDecoder.decode(path: path)) { error in
            let media = error as? MediaError
            XCTAssertEqual(media?.kind, .noAudio)
            XCTAssertEqual(media?.description, "\(path): no sound: the file has no audio stream")
        }
    }

    func testMissingFile() {
        XCTAssertThrowsError(try AudioDecoder.decode(path: "/nonexistent/clip.mov")) { error in
            XCTAssertEqual((error as? MediaError)?.kind, .fileNotFound)
        }
    }
}
