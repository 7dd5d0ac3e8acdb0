/// Where the video preview goes: the bottom of the clip pane (below the clip's text), or the
/// whole body in the full view. The reducer decodes frames for `box`, the view draws them in
/// the rows it is given, so both agree on the picture's size.
struct ClipVideoLayout {
    /// Rows of the clip pane taken by the clip's text above the video when no clip is
    /// selected to count them (`ClipPaneText` counts them for a clip); the video gets the rest.
    static let rowsAbove = 14
    /// The section's own rows besides the picture: a heading and the time line.
    static let chromeRows = 2

    /// Rows the clip pane keeps free for the video section below the per-encoder bars: a blank
    /// line, the heading and the time line, plus at least eight rows of picture in a tall pane.
    static func reservedRows(paneHeight: Int) -> Int {
        paneHeight >= 30 ? 3 + 8 : 3
    }

    let app: AppState
    let fullView: Bool
    /// Rows of the clip's text above the video section in the pane (not used by the full view).
    let textRows: Int

    init(_ app: AppState, fullView: Bool, text: ClipPaneText? = nil) {
        self.app = app
        self.fullView = fullView
        textRows = text?.rowsAbove ?? ClipVideoLayout.rowsAbove
    }

    /// The body of the Clips screen, which the full view fills.
    var body: Rect { AppView.bodyArea(width: app.terminalWidth, height: app.terminalHeight) }

    /// Inside the full view's border, one column of margin each side.
    var fullInner: Rect { Block().inner(body).inset(Edges(horizontal: 1, vertical: 0)) }

    /// Thumbnails in the full view's strip: cells of each, and the blank column between them.
    static let thumbnailColumns = 12
    static let thumbnailRows = 6
    static let thumbnailGap = 2

    /// The full view shows a strip of thumbnails when it has this many rows inside.
    static let stripMinimumHeight = 26

    /// Rows the strip takes in the full view (thumbnails and their time labels); 0 without one.
    var stripRows: Int {
        fullView && fullInner.height >= ClipVideoLayout.stripMinimumHeight ? ClipVideoLayout.thumbnailRows + 1 : 0
    }

    /// How many thumbnails fit across the full view (0 when there is no strip).
    var thumbnailCount: Int {
        guard stripRows > 0 else { return 0 }
        return min(10, (fullInner.width + ClipVideoLayout.thumbnailGap)
            / (ClipVideoLayout.thumbnailColumns + ClipVideoLayout.thumbnailGap))
    }

    func thumbnailBox(colorless: Bool) -> ClipVideoBox {
        ClipVideoBox(columns: ClipVideoLayout.thumbnailColumns, rows: ClipVideoLayout.thumbnailRows, colorless: colorless)
    }

    /// Rows of the sound strips under the time line: the waveform's and the spectrogram's, each
    /// 0 when toggled off (`a`, `A`) or when the picture would keep fewer than four rows.
    func soundRows(_ video: ClipVideoState) -> (waveform: Int, spectrogram: Int) {
        let wave = video.showWaveform ? (fullView ? 3 : 2) : 0
        let spec = video.showSpectrogram ? (fullView ? 4 : 2) : 0
        let picture = pictureRows(strips: 0)
        guard picture - wave - spec >= 4 else { return (0, 0) }
        return (wave, spec)
    }

    /// Rows left for the picture after the heading, the time line and `strips` rows of sound.
    private func pictureRows(strips: Int) -> Int {
        if fullView {
            return fullInner.height - ClipVideoLayout.chromeRows - stripRows - strips
        }
        let pane = ClipsLayout(app).clip
        guard !pane.isEmpty else { return 0 }
        return Block().inner(pane).height - textRows - ClipVideoLayout.chromeRows - strips
    }

    /// The cell box frames are decoded for `video` (its graphics and strips).
    func box(_ video: ClipVideoState) -> ClipVideoBox {
        let strips = soundRows(video)
        return box(colorless: video.colorless, graphics: video.graphics, soundRows: strips.waveform + strips.spectrogram)
    }

    /// The cell box frames are decoded for, with `soundRows` rows of strips under the time line.
    func box(colorless: Bool, graphics: VideoGraphics = .fallback, soundRows: Int = 0) -> ClipVideoBox {
        if fullView {
            let inner = fullInner
            return ClipVideoBox(columns: max(0, inner.width), rows: max(0, pictureRows(strips: soundRows)),
                                colorless: colorless, graphics: graphics)
        }
        let pane = ClipsLayout(app).clip
        guard !pane.isEmpty else { return ClipVideoBox(columns: 0, rows: 0, colorless: colorless, graphics: graphics) }
        let inner = Block().inner(pane).inset(Edges(horizontal: 1, vertical: 0))
        return ClipVideoBox(columns: max(0, inner.width), rows: max(0, pictureRows(strips: soundRows)),
                            colorless: colorless, graphics: graphics)
    }
}
