import BlendCore
import BlendMedia
import Foundation

/// What `bench --media` reports for pixels and sound (issue 17's targets beside each figure).
public struct GraphicsAudioBenchmarkReport: Sendable, Codable, Equatable {
    /// Open a 1080p H.264 clip → its first frame as kitty bytes for 160×48 cells, median.
    public var firstFrameKittyMilliseconds: Double
    /// The same as sixel (libsixel's palette and encoding included), median.
    public var firstFrameSixelMilliseconds: Double
    /// Where the first frame's time goes, medians: open the clip and decode + scale its first
    /// frame to the placed size, then each protocol's encoding of that picture alone.
    public var firstFramePixelsMilliseconds: Double
    public var kittyEncodeMilliseconds: Double
    public var sixelEncodeMilliseconds: Double
    /// Bytes written to the terminal for that frame.
    public var kittyBytes: Int
    public var sixelBytes: Int
    /// The placed size: cells and pixels (assumed 10×20-pixel cells).
    public var placedColumns: Int
    public var placedRows: Int
    public var placedPixels: String
    /// Sequential 1080p decode scaled to the placed size in a 160×48 pane (`placedPixels`), frames per second.
    public var decodeFramesPerSecond: Double
    /// Waveform + mel spectrogram + both strips at 160 columns for 5 s of decoded sound, median.
    public var stripsMilliseconds: Double
    /// Decoding the 5-s clip's sound to 16 kHz mono, median.
    public var audioDecodeMilliseconds: Double
    public var repetitions: Int
    /// The sound against the wall clock on `$BLENDSCOPE_AUDIO_DEVICE` (else ALSA's `default`),
    /// nil where no output plays in real time (`audioSyncNote` says why).
    public var audioSync: AudioSyncFigures?
    public var audioSyncNote: String?

    public var summary: String {
        func ms(_ x: Double) -> String { String(format: "%.1f ms", x) }
        func mb(_ bytes: Int) -> String { String(format: "%.2f MB", Double(bytes) / 1_000_000) }
        return """
            first 1080p frame as kitty (160x48 cells): \(ms(firstFrameKittyMilliseconds)) (target ≤ 40 ms)
            first 1080p frame as sixel (160x48 cells): \(ms(firstFrameSixelMilliseconds)) (target ≤ 40 ms)
              placed at \(placedColumns)x\(placedRows) cells, \(placedPixels) px: open + decode + scale \(ms(firstFramePixelsMilliseconds)), \
            kitty encode \(ms(kittyEncodeMilliseconds)) (\(mb(kittyBytes))), sixel encode \(ms(sixelEncodeMilliseconds)) (\(mb(sixelBytes)))
            1080p decode + scale to \(placedPixels) px: \(String(format: "%.0f", decodeFramesPerSecond)) frames/s
            waveform + spectrogram strips of a 5-s clip: \(ms(stripsMilliseconds)) (target ≤ 30 ms)
            audio decode of a 5-s clip (16 kHz mono): \(ms(audioDecodeMilliseconds))
            \(audioSync?.summary ?? "A/V drift: not measured (\(audioSyncNote ?? "no output"))")
            """
    }
}

public enum GraphicsAudioBenchmark {
    /// Makes its clip with the `ffmpeg` tool (nil when it is not installed), runs, and removes it.
    public static func run(directory: String, repetitions: Int = 7) throws -> GraphicsAudioBenchmarkReport? {
        guard let tool = ChildProcess.executable(named: "ffmpeg") else { return nil }
        let path = directory + "/bench-1080p-h264-aac.mp4"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let status = try ChildProcess.runQuietly(tool, [
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30",
            "-f", "lavfi", "-i", "sine=frequency=220:sample_rate=48000", "-t", "5",
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-c:a", "aac", path,
        ])
        guard status == 0 else { return nil }
        let clock = ContinuousClock()
        let runs = max(3, repetitions)

        func firstFrame(_ mode: GraphicsMode) throws -> Double {
            var times: [Double] = []
            for _ in 0..<runs {
                times.append(try clock.measure {
                    let decoder = try VideoDecoder(path: path)
                    let (image, layout) = try FramePreview.pixels(decoder: decoder, at: 0, columns: 160, rows: 48)
                    _ = try FrameGraphics.render(image, mode: mode, columns: layout.columns, rows: layout.rows)
                }.inMilliseconds)
            }
            return median(times)
        }
        let kitty = try firstFrame(.kitty)
        let sixel = try firstFrame(.sixel)

        var pixelTimes: [Double] = []
        var placed: (RGBImage, GraphicsLayout)?
        for _ in 0..<runs {
            pixelTimes.append(try clock.measure {
                placed = try FramePreview.pixels(decoder: try VideoDecoder(path: path), at: 0, columns: 160, rows: 48)
            }.inMilliseconds)
        }
        guard let (image, layout) = placed else { return nil }
        func encoding(_ mode: GraphicsMode) throws -> (Double, Int) {
            var times: [Double] = [], bytes = 0
            for _ in 0..<runs {
                times.append(try clock.measure {
                    bytes = try FrameGraphics.render(image, mode: mode, columns: layout.columns, rows: layout.rows).count
                }.inMilliseconds)
            }
            return (median(times), bytes)
        }
        let (kittyEncode, kittyBytes) = try encoding(.kitty)
        let (sixelEncode, sixelBytes) = try encoding(.sixel)

        let decoder = try VideoDecoder(path: path)
        let size = GraphicsLayout(displayAspect: 16.0 / 9.0, columns: 160, rows: 48).pixels
        var frames = 0
        let decoding = try clock.measure {
            while try decoder.nextFrame(size: size) != nil { frames += 1 }
        }

        var decodes: [Double] = [], strips: [Double] = []
        var clip: AudioClip?
        for _ in 0..<runs {
            decodes.append(try clock.measure { clip = try AudioDecoder.decode(path: path) }.inMilliseconds)
        }
        if let clip {
            for _ in 0..<runs {
                strips.append(try clock.measure {
                    let envelope = AudioEnvelope(clip)
                    let spectrogram = try Spectrogram.mel(clip)
                    _ = AudioStrips.waveform(envelope, duration: clip.duration, columns: 160, rows: 4, playhead: 1)
                    _ = AudioStrips.spectrogram(spectrogram, duration: clip.duration, columns: 160, rows: 6, playhead: 1)
                }.inMilliseconds)
            }
        }
        let named = ProcessInfo.processInfo.environment["BLENDSCOPE_AUDIO_DEVICE"] ?? ""
        let sync = try AudioSyncBenchmark.run(path: path, device: named.isEmpty ? "default" : named)
        return GraphicsAudioBenchmarkReport(
            firstFrameKittyMilliseconds: kitty, firstFrameSixelMilliseconds: sixel,
            firstFramePixelsMilliseconds: median(pixelTimes), kittyEncodeMilliseconds: kittyEncode,
            sixelEncodeMilliseconds: sixelEncode, kittyBytes: kittyBytes, sixelBytes: sixelBytes,
            placedColumns: layout.columns, placedRows: layout.rows, placedPixels: layout.pixels.description,
            decodeFramesPerSecond: Double(frames) / decoding.inSeconds,
            stripsMilliseconds: median(strips), audioDecodeMilliseconds: median(decodes), repetitions: runs,
            audioSync: sync.figures, audioSyncNote: sync.reason)
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
