import ArgumentParser
import BlendCore
import BlendMedia
import Foundation

struct MediaAudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audio",
        abstract: "Duration, RMS, peak, voiced share and RMS envelope of a clip's sound.",
        discussion: HelpText.reflow("""
            The sound is decoded to 16 kHz mono (what the audio encoders take). Levels are full \
            scale (1 = the loudest sample a file can hold) and dBFS. A window is voiced when it \
            is louder than -40 dBFS and within 20 dB of the clip's loudest window.
            blendscope media audio clip.mov --json
            blendscope media audio clip.mov --strips --cols 100
            """))

    @Argument(help: "The video or audio file.")
    var file: String

    @Option(help: "Seconds per envelope value.")
    var window: Double = 0.02

    @Option(help: "Columns of the envelope line and the strips.")
    var cols: Int = 64

    @Flag(help: "Also draw the waveform and the mel spectrogram strips (first 2 s marked).")
    var strips = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        guard window >= 0.001, window <= 10 else { throw ValidationError("--window must be between 0.001 and 10 seconds") }
        guard (8...1000).contains(cols) else { throw ValidationError("--cols must be between 8 and 1000") }
    }

    func run() throws {
        let clip = try AudioDecoder.decode(path: file)
        let summary = AudioSummary(clip, window: window)
        if output.json { return try Output.json(summary) }
        // Before any line is printed, so a missing FFTW refuses with nothing half-written.
        let spectrogram = strips ? try Spectrogram.mel(clip) : nil
        let share = NumberText.fixed(summary.voicedShare * 100, places: 0)
        Output.line("\(file): \(NumberText.fixed(summary.duration, places: 3)) s of sound, "
                    + "\(summary.sampleRate) Hz mono, \(summary.frames) samples")
        Output.line("RMS \(NumberText.fixed(summary.rms, places: 4)) (\(dB(summary.rms)) dBFS), "
                    + "peak \(NumberText.fixed(summary.peak, places: 4)) (\(dB(summary.peak)) dBFS), "
                    + "voiced \(share)% of \(NumberText.fixed(summary.envelope.window * 1000, places: 0)) ms windows")
        let levels = summary.envelope.resampled(to: cols)
        let line = levels.map { level -> Character in
            let fraction = (AudioStrips.decibels(level) - AudioStrips.floorDecibels) / -AudioStrips.floorDecibels
            let eighths = BlockBar.eighths(fraction, width: 1)
            return eighths == 0 ? " " : BlockBar.vertical[eighths - 1]
        }
        Output.line("envelope, -60 … 0 dBFS: " + String(line))
        guard let spectrogram else { return }
        let waveform = AudioStrips.waveform(summary.envelope, duration: summary.duration, columns: cols, rows: 4)
        let picture = AudioStrips.spectrogram(spectrogram, duration: summary.duration, columns: cols, rows: 6)
        // Through `print`, the same buffered stream as the lines above, so the order holds.
        print(AnsiText.render(waveform) + AnsiText.render(picture), terminator: "")
    }

    private func dB(_ level: Double) -> String {
        level > 0 ? NumberText.fixed(20 * log10(level), places: 1) : "-inf"
    }
}
