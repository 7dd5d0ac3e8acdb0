import XCTest
import BlendMedia

/// Playback to ALSA's `null` device: every sample handed over, the position at the end.
final class AudioOutputTests: XCTestCase {
    func testPlaysTheDemoToneToTheNullDevice() throws {
        let clip = try AudioDecoder.decode(path: try AudioDecoderTests.toneClip(), sampleRate: 48_000, channels: 2)
        let output = AudioOutput(device: "null", sampleRate: 48_000, channels: 2)
        if case .unavailable(let why) = output.currentState { throw XCTSkip("no ALSA null device: \(why)") }
        XCTAssertEqual(output.currentState, .idle)
        output.play(clip)
        output.waitUntilDone()
        XCTAssertEqual(output.currentState, .finished)
        XCTAssertEqual(output.framesWritten, clip.frames)
        XCTAssertEqual(output.position, clip.duration, accuracy: 0.001)
        XCTAssertEqual(Double(output.framesWritten) / 48_000, 2, accuracy: 0.03)
    }

    func testPauseKeepsThePlace() throws {
        let clip = AudioClip(sampleRate: 16_000, channels: 1, samples: [Float](repeating: 0.1, count: 16_000))
        let output = AudioOutput(device: "null", sampleRate: 16_000, channels: 1)
        if case .unavailable(let why) = output.currentState { throw XCTSkip("no ALSA null device: \(why)") }
        output.muted = true
        XCTAssertTrue(output.muted)
        output.play(clip, from: 0.5)
        output.waitUntilDone()
        XCTAssertEqual(output.framesWritten, 16_000)
        output.pause()  // finished: nothing to pause
        XCTAssertEqual(output.currentState, .finished)
    }

    /// A device that does not exist is the SSH session's case: unavailable, said once, and
    /// every call a no-op.
    func testNoOutputIsAStateNotAnError() {
        let output = AudioOutput(device: "blendscope-no-such-device", sampleRate: 16_000, channels: 1)
        guard case .unavailable(let why) = output.currentState else {
            return XCTFail("a missing device opened")
        }
        XCTAssertTrue(why.hasPrefix("no audio output ("), why)
        XCTAssertTrue(why.contains("blendscope-no-such-device"), why)
        output.play(AudioClip(sampleRate: 16_000, channels: 1, samples: [0, 0]))
        XCTAssertEqual(output.framesWritten, 0)
        XCTAssertEqual(output.position, 0)
    }
}
