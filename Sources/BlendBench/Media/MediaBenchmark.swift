import BlendMedia
import BlendDemo
import BlendCore
import Foundation

/// What `blendscope bench --media` reports.
public struct MediaBenchmarkReport: Sendable, Codable, Equatable {
    /// The clip decoded: codec, size and frames.
    public var clip: VideoInfo
    /// Open → first frame as 80×24 half-block truecolor cells, median of the warm runs.
    public var firstFrameMilliseconds: Double
    /// The same, on the very first run of the process (cold caches, lazy library set-up).
    public var coldFirstFrameMilliseconds: Double
    /// Sequential decode + scale to 80×48 pixels + half-block cells, frames per second.
    public var playbackFramesPerSecond: Double
    /// `ffmpeg` extracting the first frame at 80×48 as raw RGB (process start included), median;
    /// nil when the `ffmpeg` command is not installed.
    public var ffmpegFirstFrameMilliseconds: Double?
    /// Writing one demo clip (96×96, 15 fps, 3.5 s), mean over `demoClips` clips.
    public var demoClipMilliseconds: Double
    public var demoClips: Int
    /// Pixels (kitty, sixel) and sound (decode, strips) on a 1080p clip; nil without `ffmpeg`.
    public var graphicsAudio: GraphicsAudioBenchmarkReport?

    /// One line per figure, with the targets the issue sets.
    public var summary: String {
        let ffmpeg = ffmpegFirstFrameMilliseconds.map { String(format: "%.1f ms", $0) } ?? "not installed"
        return """
            media clip: \(clip.codec) \(clip.width)x\(clip.height), \(clip.frames) frames
            first frame as cells: \(String(format: "%.1f", firstFrameMilliseconds)) ms \
            (cold \(String(format: "%.1f", coldFirstFrameMilliseconds)) ms; target ≤ 20 ms)
            ffmpeg single-frame extraction: \(ffmpeg)
            playback decode + cells at 80x48: \(String(format: "%.0f", playbackFramesPerSecond)) frames/s \
            (target ≥ 120)
            demo clip writing: \(String(format: "%.2f", demoClipMilliseconds)) ms per clip \
            over \(demoClips) clips
            """ + (graphicsAudio.map { "\n" + $0.summary } ?? "\npixels and sound: ffmpeg not installed")
    }
}

/// Measures BlendMedia on a realistic clip: a 640×480 H.264 face with film grain.
public enum MediaBenchmark {
    /// Writes the benchmark clip: `seconds` of a moving, grainy 640×480 face at 30 fps in H.264.
    public static func makeClip(at path: String, seconds: Double = 3) throws {
        let spec = DemoClipSpec(label: .blend(.hap, 70, .fea), seed: 42, duration: seconds, size: 480, fps: 30)
        let writer = try VideoWriter(path: path, width: 640, height: 480, fps: 30, codec: .h264,
                                     quality: .constant(23))
        var grain = SeededGenerator(seed: 7)
        try DemoClipWriter.drawFrames(spec, width: 640, height: 480) { image in
            addGrain(to: &image, using: &grain)
            try writer.append(image)
        }
        try writer.finish()
    }

    /// Runs every measurement in `directory` (which must exist) and removes its files afterwards.
    public static func run(directory: String, repetitions: Int = 9, playbackFrames: Int = 600,
                           demoClips: Int = 60) throws -> MediaBenchmarkReport {
        let clipPath = directory + "/bench-640x480-h264.mp4"
        try makeClip(at: clipPath)
        defer { try? FileManager.default.removeItem(atPath: clipPath) }
        let clock = ContinuousClock()

        var firstFrame: [Double] = []
        for _ in 0..<max(2, repetitions) {
            firstFrame.append(milliseconds(clock.measure {
                _ = try? FramePreview.cells(file: clipPath, at: 0, columns: 80, rows: 24, mode: .half,
                                            color: .truecolor)
            }))
        }
        // Confirms the clip decodes, so a failure is not timed as a fast run.
        let decoder = try VideoDecoder(path: clipPath)
        _ = try decoder.frame(at: 0)

        let size = PixelSize(width: 80, height: 48)
        var frames = 0
        let playback = clock.measure {
            while frames < playbackFrames {
                guard let frame = try? decoder.nextFrame(size: size) else { break }
                _ = CellRenderer.render(frame.image, mode: .half, color: .truecolor)
                frames += 1
                if frames % decoder.info.frames == 0 { _ = try? decoder.frame(at: 0) }
            }
        }

        var ffmpeg: [Double] = []
        if let tool = ChildProcess.executable(named: "ffmpeg") {
            for _ in 0..<max(1, repetitions) {
                ffmpeg.append(milliseconds(try clock.measure {
                    try ChildProcess.runQuietly(tool, ["-v", "error", "-i", clipPath, "-frames:v", "1", "-s", "80x48",
                                          "-f", "rawvideo", "-pix_fmt", "rgb24", "-y", "/dev/null"])
                }))
            }
        }

        let demoSpecs = (0..<demoClips).map { i in
            DemoClipSpec(label: .blend(Emotion.blendable[i % 5], 70, Emotion.blendable[(i + 2) % 5]),
                         seed: UInt64(i), duration: 3.5)
        }
        let demoPath = directory + "/bench-demo.mov"
        defer { try? FileManager.default.removeItem(atPath: demoPath) }
        let demo = try clock.measure {
            for spec in demoSpecs { try DemoClipWriter.write(spec, to: demoPath) }
        }

        return MediaBenchmarkReport(
            clip: decoder.info,
            firstFrameMilliseconds: median(firstFrame.dropFirst()),
            coldFirstFrameMilliseconds: firstFrame[0],
            playbackFramesPerSecond: Double(frames) / seconds(playback),
            ffmpegFirstFrameMilliseconds: ffmpeg.isEmpty ? nil : median(ffmpeg[...]),
            demoClipMilliseconds: milliseconds(demo) / Double(max(1, demoClips)),
            demoClips: demoClips,
            graphicsAudio: try GraphicsAudioBenchmark.run(directory: directory))
    }

    /// Adds ±12 levels of noise: real footage has texture, which makes decoding honest work.
    private static func addGrain(to image: inout RGBImage, using random: inout SeededGenerator) {
        image.pixels.withUnsafeMutableBufferPointer { p in
            var bits: UInt64 = 0
            for i in 0..<p.count {
                if i % 8 == 0 { bits = random.next() }
                let noise = Int(bits & 0x1f) - 16
                bits >>= 8
                p[i] = UInt8(clamping: Int(p[i]) + noise * 3 / 4)
            }
        }
    }

    private static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    private static func seconds(_ duration: Duration) -> Double { duration.inSeconds }

    private static func median(_ values: ArraySlice<Double>) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
