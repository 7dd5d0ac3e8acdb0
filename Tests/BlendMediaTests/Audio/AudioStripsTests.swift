import BlendCore
import XCTest
@testable import BlendMedia

final class AudioStripsTests: XCTestCase {
    private func tone(_ frequency: Double, seconds: Double = 1, rate: Int = 16_000, amplitude: Float = 0.5) -> AudioClip {
        let n = Int(seconds * Double(rate))
        return AudioClip(sampleRate: rate, channels: 1, samples: (0..<n).map {
            amplitude * Float(sin(2 * Double.pi * frequency * Double($0) / Double(rate)))
        })
    }

    func testEnvelopeOfASteadyTone() {
        let envelope = AudioEnvelope(tone(440))
        XCTAssertEqual(envelope.rms.count, 50)
        for value in envelope.rms { XCTAssertEqual(value, 0.5 / 2.0.squareRoot(), accuracy: 0.005) }
        XCTAssertEqual(envelope.resampled(to: 10).count, 10)
    }

    /// The loudest mel band of a 1 kHz tone is the one whose centre is nearest 1 kHz.
    func testSpectrogramPeaksAtTheTone() throws {
        let spectrogram = try Spectrogram.mel(tone(1000))
        XCTAssertEqual(spectrogram.bands, 64)
        XCTAssertEqual(spectrogram.hop, 0.01)
        XCTAssertEqual(spectrogram.power.count, 1 + (16_000 - 512 + 159) / 160)
        let frame = spectrogram.power[40]
        let loudest = try XCTUnwrap(frame.indices.max { frame[$0] < frame[$1] })
        let lowMel = Spectrogram.hertzToMel(50), highMel = Spectrogram.hertzToMel(8000)
        let centre = Spectrogram.melToHertz(lowMel + (highMel - lowMel) * Double(loudest + 1) / 65)
        XCTAssertEqual(centre, 1000, accuracy: 80)
        // Far bands hold almost nothing.
        XCTAssertLessThan(frame[60], frame[loudest] * 1e-3)
    }

    /// Golden: the waveform strip of a tone loud for 1 s then quiet, playhead at 2.5 s.
    func testWaveformStripGolden() {
        var samples = tone(440, seconds: 1, amplitude: 0.8).samples
        samples += tone(440, seconds: 3, amplitude: 0.02).samples
        let clip = AudioClip(sampleRate: 16_000, channels: 1, samples: samples)
        let grid = AudioStrips.waveform(AudioEnvelope(clip), duration: clip.duration, columns: 40, rows: 3, playhead: 2.5)
        XCTAssertEqual(grid.columns, 40)
        // The playhead's column is white; the first 2 s amber, the rest blue-grey.
        XCTAssertEqual(grid[25, 0].foreground, .rgb(AudioStrips.playheadColour))
        XCTAssertEqual(grid[0, 2].foreground, .rgb(AudioStrips.early))
        XCTAssertEqual(grid[30, 2].foreground, .rgb(AudioStrips.late))
        MediaGolden.assertMatches(AnsiText.render(grid), "waveform-40x3.ansi")
    }

    func testSpectrogramStripShape() throws {
        let clip = tone(1000, seconds: 3)
        let grid = AudioStrips.spectrogram(try Spectrogram.mel(clip), duration: clip.duration, columns: 30, rows: 4, playhead: 1)
        XCTAssertEqual([grid.columns, grid.rows], [30, 4])
        XCTAssertTrue(grid.cells.allSatisfy { $0.glyph == "▀" })
    }
}
