import BlendCore
import BlendMedia

/// The video preview's work off the UI thread. Each effect opens its own `VideoDecoder`
/// (decoders are not Sendable) and shares the key `EffectKey.clipVideo`, so a newer
/// request (another clip, a step, play) cancels the older one.
public enum ClipVideoDecoding {
    /// Decodes the frame at `seconds` of `clip`'s file for `box`.
    static func open(clip: String, path: String, at seconds: Double, box: ClipVideoBox) -> Effect<WorkbenchAction> {
        .task(.clipVideo) { .clipVideo(firstFrame(clip: clip, path: path, at: seconds, box: box)) }
    }

    /// The work of `open`, callable in line (benchmarks, tests): the decoded frame or the
    /// `MediaError` message. Public for BlendBench, which times it outside this module.
    public static func firstFrame(clip: String, path: String, at seconds: Double, box: ClipVideoBox) -> ClipVideoAction {
        do {
            let decoder = try VideoDecoder(path: path)
            guard !box.isTooSmall else { return .opened(clip: clip, info: decoder.info, frame: nil, box: box) }
            let layout = self.layout(decoder, box)
            let frame = try decoder.frame(at: seconds, size: layout.pixels)
            return .opened(clip: clip, info: decoder.info, frame: cells(frame, clip: clip, box: box), box: box)
        } catch {
            return .failed(clip: clip, message: "\(error)")
        }
    }

    /// Plays `clip` from `seconds` at its own rate: every wake-up decodes up to the frame due by
    /// the wall clock and sends only that one, so a slow terminal sees frames dropped rather
    /// than the video slowed down. Sleeps between frames (no busy waiting) and stops when
    /// cancelled or at the end.
    ///
    /// With `sound`, the clip's audio plays through the ALSA output and the video follows the
    /// position actually heard (the output's clock, which counts the device's delay), so the two
    /// stay together; where there is no output the reason is sent once and the video keeps the
    /// wall clock.
    static func play(clip: String, path: String, from seconds: Double, box: ClipVideoBox,
                     sound: Bool = true, muted: Bool = false) -> Effect<WorkbenchAction> {
        .run(.clipVideo) { send in
            do {
                let decoder = try VideoDecoder(path: path)
                let info = decoder.info
                let layout = self.layout(decoder, box, playing: true)
                let interval = info.fps > 0 ? 1 / info.fps : 0.04
                let output = sound ? ClipSound.start(path: path, from: seconds, muted: muted, send: send) : nil
                // Stops the sound with the picture (a pause, another clip, quitting).
                defer { output?.pause() }
                let clock = ContinuousClock()
                let start = clock.now
                func elapsed() -> Double { start.duration(to: clock.now).inSeconds }
                var shown: Double?
                while !Task.isCancelled {
                    // The sound's clock while it plays; the wall clock once it has run out (a
                    // shorter track) or when it runs ahead (ALSA's `null` device takes samples as
                    // fast as they come).
                    let wall = seconds + elapsed()
                    let heard = output.flatMap { $0.currentState == .playing ? max(seconds, $0.position) : nil }
                    let due = ClipSound.due(heard: heard, wall: wall)
                    guard due < info.duration else {
                        send(.clipVideo(.ended(clip: clip)))
                        return
                    }
                    let frame = try decoder.frame(at: due, size: layout.pixels)
                    if frame.time != shown {
                        shown = frame.time
                        guard send(.clipVideo(.played(cells(frame, clip: clip, box: box)))) else { return }
                    }
                    let wait = max(0.002, frame.time + interval - seconds - elapsed())
                    do {
                        try await Task.sleep(for: .seconds(wait))
                    } catch {
                        return
                    }
                }
            } catch {
                send(.clipVideo(.failed(clip: clip, message: "\(error)")))
            }
        }
    }

    /// The strip's frames: `request.count` at the middles of equal parts of the clip, decoded
    /// with their own decoder under their own key (the preview's effects do not cancel them).
    static func thumbnails(_ request: ClipThumbnailRequest, path: String, duration: Double) -> Effect<WorkbenchAction> {
        .task(.clipThumbnails) {
            do {
                let decoder = try VideoDecoder(path: path)
                let layout = self.layout(decoder, request.box)
                var frames: [ClipVideoFrame] = []
                for i in 0..<request.count {
                    if Task.isCancelled { return nil }
                    let time = (Double(i) + 0.5) * duration / Double(request.count)
                    frames.append(cells(try decoder.frame(at: time, size: layout.pixels), clip: request.clip, box: request.box))
                }
                return .clipVideo(.thumbnails(request, frames))
            } catch {
                // The preview itself reports a broken file; a strip without pictures says nothing more.
                return .clipVideo(.thumbnails(request, []))
            }
        }
    }

    /// The cells and pixels a frame is decoded for in `box`.
    struct FrameLayout {
        let columns: Int
        let rows: Int
        let pixels: PixelSize
    }

    /// The terminal's cell size in pixels, asked once (an assumed 10×20 where it says none).
    static let cellPixels = TerminalQuery.cellSize() ?? GraphicsLayout.assumedCell

    private static func layout(_ decoder: VideoDecoder, _ box: ClipVideoBox, playing: Bool = false) -> FrameLayout {
        let natural = decoder.naturalSize
        let aspect = Double(natural.width) / Double(natural.height)
        let columns = max(1, box.columns), rows = max(1, box.rows)
        if let mode = box.graphics.pixelMode {
            let fit = GraphicsLayout(displayAspect: aspect, columns: columns, rows: rows, cell: cellPixels)
            var pixels = fit.pixels
            if mode == .sixel {
                let budget = playing ? TerminalThroughput.shared.pixelBudget(framesPerSecond: decoder.info.fps) : nil
                pixels = SixelFrameSize.capped(pixels, budget: budget)
            }
            return FrameLayout(columns: fit.columns, rows: fit.rows, pixels: pixels)
        }
        let fit = CellLayout(displayAspect: aspect, columns: columns, rows: rows, mode: box.graphics.cellMode)
        return FrameLayout(columns: fit.columns, rows: fit.rows, pixels: fit.pixels)
    }

    private static func cells(_ frame: VideoFrame, clip: String, box: ClipVideoBox) -> ClipVideoFrame {
        if box.graphics.pixelMode != nil {
            // The picture goes out as an image; the cells under it stay blank.
            let layout = GraphicsLayout(displayAspect: Double(frame.image.width) / Double(max(1, frame.image.height)),
                                        columns: max(1, box.columns), rows: max(1, box.rows), cell: cellPixels)
            let blank = TerminalCell(glyph: " ", foreground: .terminalDefault, background: .terminalDefault)
            let grid = CellGrid(columns: layout.columns, rows: layout.rows,
                                cells: Array(repeating: blank, count: layout.columns * layout.rows))
            return ClipVideoFrame(clip: clip, time: frame.time, grid: grid, image: frame.image)
        }
        return ClipVideoFrame(clip: clip, time: frame.time,
                              grid: CellRenderer.render(frame.image, mode: box.graphics.cellMode,
                                                        color: box.colorless ? .none : .truecolor))
    }
}
