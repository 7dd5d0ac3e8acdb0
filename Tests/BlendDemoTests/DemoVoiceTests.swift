import BlendCore
import BlendMedia
import Foundation
import XCTest
@testable import BlendDemo

/// The demo speaks: each clip's sound follows its label.
final class DemoVoiceTests: XCTestCase {
    private func rms(_ samples: [Float]) -> Double {
        (samples.reduce(0) { $0 + Double($1) * Double($1) } / Double(max(1, samples.count))).squareRoot()
    }

    func testTheVoiceIsAsLongAsTheClipAndSeeded() {
        let spec = DemoClipSpec(label: .single(.hap), seed: 3, duration: 2.4)
        let voice = DemoVoice.samples(spec)
        XCTAssertEqual(voice.count, Int(Double(spec.frameCount) / 15 * 16_000))
        XCTAssertEqual(voice, DemoVoice.samples(spec))
        XCTAssertLessThanOrEqual(voice.map(abs).max() ?? 0, 0.95)
        var other = spec
        other.seed = 4
        XCTAssertNotEqual(voice, DemoVoice.samples(other))
    }

    func testAngerIsLouderThanNeutral() {
        let anger = DemoVoice.samples(DemoClipSpec(label: .single(.ang), seed: 1, duration: 3))
        let neutral = DemoVoice.samples(DemoClipSpec(label: .single(.neu), seed: 1, duration: 3))
        XCTAssertGreaterThan(rms(anger), 2 * rms(neutral))
    }

    /// A 70/30 blend: the salient voice's pitch band carries more energy than the other's.
    func testABlendsVoicesFollowTheirSalience() throws {
        func bandEnergy(_ label: Label, near hertz: Double) throws -> Double {
            let clip = AudioClip(sampleRate: 16_000, channels: 1,
                                 samples: DemoVoice.samples(DemoClipSpec(label: label, seed: 2, duration: 4)))
            let spectrogram = try Spectrogram.mel(clip)
            let low = Spectrogram.hertzToMel(50), high = Spectrogram.hertzToMel(8000)
            let band = Int(((Spectrogram.hertzToMel(hertz) - low) / (high - low) * 65).rounded()) - 1
            return spectrogram.power.reduce(0) { $0 + $1[band] }
        }
        // Anger's voice sits near 115–125 Hz, fear's near 330–430 Hz.
        let mostlyAnger = try bandEnergy(.blend(.ang, 70, .fea), near: 120) / bandEnergy(.blend(.ang, 70, .fea), near: 380)
        let mostlyFear = try bandEnergy(.blend(.ang, 30, .fea), near: 120) / bandEnergy(.blend(.ang, 30, .fea), near: 380)
        XCTAssertGreaterThan(mostlyAnger, mostlyFear)
    }

    /// The written clip carries the voice as its sound track, decodable like any clip's.
    func testWrittenClipHasTheSound() throws {
        let spec = DemoClipSpec(label: .blend(.hap, 50, .sad), seed: 9, duration: 2.2)
        let path = NSTemporaryDirectory() + "demo-voice-\(ProcessInfo.processInfo.processIdentifier).mov"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try DemoClipWriter.write(spec, to: path)
        let clip = try AudioDecoder.decode(path: path)
        XCTAssertEqual(clip.duration, Double(spec.frameCount) / 15, accuracy: 0.08)
        let summary = AudioSummary(clip)
        XCTAssertGreaterThan(summary.voicedShare, 0.3)
        XCTAssertEqual(summary.rms, rms(DemoVoice.samples(spec)), accuracy: 0.02)
        XCTAssertEqual(try VideoProbe.info(path: path).frames, spec.frameCount)
    }
}
