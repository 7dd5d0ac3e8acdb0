import BlendCore
import BlendMedia

/// Draws the video preview: in the clip pane a heading, the frame and the time line in the rows
/// left below the clip's text; in the full view the same over the whole body.
struct ClipVideoView {
    let state: WorkbenchState
    var video: ClipVideoState { state.clips.video }

    /// The section at the bottom of the clip pane, in `area` (the pane's rows left).
    func renderSection(into canvas: inout Canvas, area: Rect) {
        guard area.height >= 2, area.width >= 8 else { return }
        var y = area.y
        // The picture needs four rows besides the heading and the time line.
        let pictureRows = area.height - 2
        let text = ClipPaneText.of(state.clips, project: state.project, app: state.app)
        let strips = ClipVideoLayout(state.app, fullView: false, text: text).soundRows(video)
        let stripRows = strips.waveform + strips.spectrogram
        let shown = video.frame != nil && pictureRows - stripRows >= 4
        canvas.draw(heading(hint: !shown), x: area.x, y: y, maxWidth: area.width)
        y += 1
        let rest = Rect(x: area.x, y: y, width: area.width, height: area.maxY - y)
        guard message(into: &canvas, area: rest) else { return }
        if let grid = video.frame?.grid, shown {
            let rows = pictureRows - stripRows
            let fitted = grid.columns <= rest.width && grid.rows <= rows
                ? grid : ClipVideoView.resampled(grid, toFit: rest.width, rows)
            let box = Rect(x: rest.x + (rest.width - fitted.columns) / 2, y: y, width: fitted.columns, height: fitted.rows)
            ClipVideoView.draw(fitted, into: &canvas, at: box)
            placeImage(into: &canvas, at: box, fitted: fitted == grid)
            canvas.markRegion(box, id: ClickTarget.videoPicture.id)
            y += fitted.rows
        }
        canvas.draw(timeline(width: area.width), x: area.x, y: y, maxWidth: area.width)
        if shown {
            soundStrips(into: &canvas, area: Rect(x: area.x, y: y + 1, width: area.width, height: stripRows), strips)
        }
    }

    /// The frame's pixels over the blank cells that hold their place, when the terminal draws
    /// pixels and nothing lies over the pane (an overlay hides the picture: kitty would draw
    /// it over the help's text, sixel would stay behind after it).
    private func placeImage(into canvas: inout Canvas, at box: Rect, fitted: Bool) {
        guard let frame = video.frame, let image = frame.image, fitted, state.app.overlay == nil else { return }
        canvas.place(CanvasImage(id: ClipVideoView.pictureImageID, area: box, image: image,
                                 version: "\(frame.clip)@\(frame.time)"))
    }

    /// The image id of the clip's picture (kitty's `i=`).
    static let pictureImageID: UInt32 = 17

    /// The waveform and spectrogram strips in `area`, the playhead at the position and the
    /// first two seconds marked; a line saying why when the clip has no sound to draw.
    private func soundStrips(into canvas: inout Canvas, area: Rect, _ strips: (waveform: Int, spectrogram: Int)) {
        guard area.height > 0, area.width >= 8 else { return }
        guard let audio = video.audio, audio.clip == video.clip, audio.duration > 0 else {
            let text = video.audioFor == video.clip ? "no sound track" : "sound: decoding…"
            canvas.draw(text, x: area.x, y: area.y, maxWidth: area.width, style: Style(fg: .muted))
            return
        }
        let duration = video.info?.duration ?? audio.duration
        var y = area.y
        if strips.waveform > 0 {
            let grid = AudioStrips.waveform(audio.envelope, duration: duration, columns: area.width, rows: strips.waveform,
                                            playhead: video.position)
            ClipVideoView.draw(grid, into: &canvas, at: Rect(x: area.x, y: y, width: area.width, height: strips.waveform))
            y += strips.waveform
        }
        if strips.spectrogram > 0 {
            let rect = Rect(x: area.x, y: y, width: area.width, height: strips.spectrogram)
            if let spectrogram = audio.spectrogram, spectrogram.bands > 0, !spectrogram.power.isEmpty {
                let grid = AudioStrips.spectrogram(spectrogram, duration: duration, columns: area.width,
                                                   rows: strips.spectrogram, playhead: video.position)
                ClipVideoView.draw(grid, into: &canvas, at: rect)
            } else {
                canvas.draw("spectrogram: needs FFTW (Debian: libfftw3-single3)", x: rect.x, y: rect.y, maxWidth: rect.width,
                            style: Style(fg: .muted))
            }
        }
    }

    /// The full view: the picture as large as the body allows, the time line under it.
    func renderFull(into canvas: inout Canvas, area: Rect) {
        let block = Block(title: video.clip.map { "\($0) · video" } ?? "video", trailingTitle: "v / esc back", focused: true)
        block.render(into: &canvas, area: area)
        let inner = block.inner(area).inset(Edges(horizontal: 1, vertical: 0))
        guard inner.height >= 2 else { return }
        canvas.draw(heading(hint: false), x: inner.x, y: inner.y, maxWidth: inner.width)
        let rest = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        guard message(into: &canvas, area: rest) else { return }
        let layout = ClipVideoLayout(state.app, fullView: true)
        let sound = layout.soundRows(video)
        let soundRows = sound.waveform + sound.spectrogram
        if let grid = video.frame?.grid {
            let rows = max(1, rest.height - 1 - soundRows)
            let fitted = grid.columns <= rest.width && grid.rows <= rows
                ? grid : ClipVideoView.resampled(grid, toFit: rest.width, rows)
            let box = Rect(x: rest.x + (rest.width - fitted.columns) / 2, y: rest.y, width: fitted.columns, height: fitted.rows)
            ClipVideoView.draw(fitted, into: &canvas, at: box)
            placeImage(into: &canvas, at: box, fitted: fitted == grid)
            canvas.markRegion(box, id: ClickTarget.videoPicture.id)
        }
        let strip = layout.stripRows
        if strip > 0 {
            thumbnails(into: &canvas, area: Rect(x: inner.x, y: inner.maxY - strip, width: inner.width, height: strip))
        }
        // Picture, time line, the sound under it, the thumbnails at the bottom.
        let timelineRow = inner.maxY - 1 - strip - soundRows
        canvas.draw(timeline(width: inner.width), x: inner.x, y: timelineRow, maxWidth: inner.width)
        soundStrips(into: &canvas, area: Rect(x: inner.x, y: timelineRow + 1, width: inner.width, height: soundRows), sound)
    }

    /// The strip: each thumbnail with its time under it, the one holding the position in accent.
    private func thumbnails(into canvas: inout Canvas, area: Rect) {
        let frames = video.thumbnails
        guard !frames.isEmpty else { return }
        let step = ClipVideoLayout.thumbnailColumns + ClipVideoLayout.thumbnailGap
        let used = frames.count * step - ClipVideoLayout.thumbnailGap
        var x = area.x + max(0, (area.width - used) / 2)
        let duration = video.info?.duration ?? 0
        for (i, frame) in frames.enumerated() {
            let slot = Rect(x: x, y: area.y, width: ClipVideoLayout.thumbnailColumns, height: ClipVideoLayout.thumbnailRows)
            ClipVideoView.draw(frame.grid, into: &canvas, at: slot.centered(width: frame.grid.columns, height: frame.grid.rows))
            canvas.markRegion(slot, id: ClickTarget.videoThumbnail(i).id)
            let start = Double(i) * duration / Double(frames.count), end = Double(i + 1) * duration / Double(frames.count)
            let here = video.position >= start && (video.position < end || i == frames.count - 1)
            canvas.draw(Format.decimal(frame.time, digits: 1) + " s", in: Rect(x: x, y: area.y + slot.height, width: slot.width, height: 1),
                        alignment: .center, style: here ? Style(fg: .accent, .bold) : Style(fg: .muted))
            x += step
        }
    }

    /// Draws what stands instead of a picture (no video, a broken file, decoding); true when
    /// the video is ready and the picture and time line should follow.
    private func message(into canvas: inout Canvas, area: Rect) -> Bool {
        let text: String, style: Style
        switch video.status {
        case .ready: return true
        case .idle, .loading: (text, style) = ("decoding…", Style(fg: .muted))
        case .noVideo:
            (text, style) = ("no video linked — import with `blendscope import PROJECT --videos DIR`", Style(fg: .muted))
        case .failed(let message): (text, style) = (message, Style(fg: .error))
        }
        for (i, line) in WordWrap.lines(text, width: area.width).prefix(area.height).enumerated() {
            canvas.draw(line, x: area.x, y: area.y + i, style: style)
        }
        return false
    }

    /// "Video", the pointer to the full view when `hint` (no picture here), and the stream.
    private func heading(hint: Bool) -> [Span] {
        var spans = [Span("Video", Style(fg: .muted, .bold))]
        // Where the pane has no room for the picture, the way to see it comes first.
        if hint, video.status == .ready {
            spans.append(Span("  v: full view", Style(fg: .accent)))
        }
        if let info = video.info {
            let whole = info.fps.isFinite && info.fps == info.fps.rounded()
            let fps = whole ? String(Int(info.fps)) : Format.decimal(info.fps)
            spans.append(Span("  \(info.codec) \(info.width)×\(info.height) · \(fps) fps", Style(fg: .muted)))
        }
        if video.graphics != .fallback { spans.append(Span(" · \(video.graphics.label)", Style(fg: .muted))) }
        if video.muted { spans.append(Span(" · muted", Style(fg: .warning))) }
        if let note = video.soundNote { spans.append(Span(" · \(note)", Style(fg: .warning))) }
        return spans
    }

    /// `▶ 0.53 / 3.20 s` and a bar over the clip's duration: the first two seconds (what the
    /// reference encoder saw) drawn heavy, the position as a dot.
    func timeline(width: Int) -> [Span] {
        guard let info = video.info, info.duration > 0 else { return [] }
        let mark = video.playing ? "▶ " : "❚❚ "
        let text = "\(Format.decimal(video.position)) / \(Format.decimal(info.duration)) s "
        let spans = [Span(mark, Style(fg: .accent, .bold)), Span(text, Style(fg: .text))]
        let barWidth = width - DisplayWidth.of(mark) - DisplayWidth.of(text) - 6
        guard barWidth >= 4 else { return spans }
        let at = min(barWidth - 1, Int(video.position / info.duration * Double(barWidth)))
        var bar: [Span] = []
        for i in 0..<barWidth {
            let inWindow = Double(i) / Double(barWidth) * info.duration < ClipVideoView.encoderWindow
            let (glyph, style) = i == at ? ("●", Style(fg: .focus, .bold))
                : inWindow ? ("━", Style(fg: .accent)) : ("─", Style(fg: .muted))
            if let last = bar.last, last.style == style {
                bar[bar.count - 1].text += glyph
            } else {
                bar.append(Span(glyph, style))
            }
        }
        return spans + bar + [Span(" ━ 2 s", Style(fg: .accent))]
    }

    /// Click targets: the picture (play / pause) and each thumbnail (`video:thumbnail:3`).

    /// The seconds of each clip the challenge's reference LMM encoder saw.
    static let encoderWindow = 2.0

    /// Puts `grid`'s cells into `box` (its size), with their colours as literal colours.
    static func draw(_ grid: CellGrid, into canvas: inout Canvas, at box: Rect) {
        for row in 0..<min(grid.rows, box.height) {
            for column in 0..<min(grid.columns, box.width) {
                let cell = grid[column, row]
                canvas.put(Character(cell.glyph), x: box.x + column, y: box.y + row,
                           style: Style(fg: color(cell.foreground), bg: color(cell.background)))
            }
        }
    }

    static func color(_ color: CellColor) -> Color? {
        switch color {
        case .terminalDefault: return nil
        case .rgb(let c): return .rgb(c)
        case .indexed(let index):
            let c = XtermPalette.color(of: index)
            return .rgb(c)
        }
    }

    /// `grid` shrunk to fit `columns × rows` with its aspect ratio kept, for a pane that has
    /// fewer rows left than the frame was decoded for. Half blocks are averaged pixel by pixel
    /// (each cell holds an upper and a lower pixel), so the picture stays smooth; anything else
    /// (ASCII cells) takes the nearest cell.
    static func resampled(_ grid: CellGrid, toFit columns: Int, _ rows: Int) -> CellGrid {
        let scale = min(Double(columns) / Double(grid.columns), Double(rows) / Double(grid.rows), 1)
        let w = max(1, Int(Double(grid.columns) * scale)), h = max(1, Int(Double(grid.rows) * scale))
        var cells: [TerminalCell] = []
        cells.reserveCapacity(w * h)
        for row in 0..<h {
            for column in 0..<w {
                let nearest = grid[min(grid.columns - 1, column * grid.columns / w), min(grid.rows - 1, row * grid.rows / h)]
                let x0 = column * grid.columns / w, x1 = max(x0 + 1, (column + 1) * grid.columns / w)
                // Source pixel rows (two per cell) behind this cell's upper and lower pixel.
                func pixelRows(_ q: Int) -> Range<Int> {
                    let start = q * grid.rows / h
                    return start..<max(start + 1, (q + 1) * grid.rows / h)
                }
                let upper = averagePixel(grid, x0..<x1, pixelRows(2 * row))
                let lower = averagePixel(grid, x0..<x1, pixelRows(2 * row + 1))
                if nearest.glyph == HalfBlock.glyph, let upper, let lower {
                    cells.append(TerminalCell(glyph: HalfBlock.glyph, foreground: .rgb(upper), background: .rgb(lower)))
                } else {
                    cells.append(nearest)
                }
            }
        }
        return CellGrid(columns: w, rows: h, cells: cells)
    }

    private enum HalfBlock {
        static let glyph: Unicode.Scalar = "\u{2580}"
    }

    /// The mean colour of the half-block pixels in `columns × pixelRows` (pixel row p is the
    /// upper half of cell row p/2 when even, the lower half when odd); nil when any is not RGB.
    private static func averagePixel(_ grid: CellGrid, _ columns: Range<Int>, _ pixelRows: Range<Int>) -> RGB? {
        var r = 0, g = 0, b = 0, n = 0
        for p in pixelRows {
            let cellRow = min(grid.rows - 1, p / 2)
            for x in columns where x < grid.columns {
                let cell = grid[x, cellRow]
                guard case .rgb(let c) = p % 2 == 0 ? cell.foreground : cell.background else { return nil }
                r += Int(c.red)
                g += Int(c.green)
                b += Int(c.blue)
                n += 1
            }
        }
        guard n > 0 else { return nil }
        return RGB(UInt8((r + n / 2) / n), UInt8((g + n / 2) / n), UInt8((b + n / 2) / n))
    }
}
