import BlendMedia

/// A decoded frame of a clip, already turned into cells for one box size.
public struct ClipVideoFrame: Sendable, Equatable {
    /// The clip (by name) the frame belongs to; frames for any other clip are stale.
    public var clip: String
    /// The frame's presentation time in seconds.
    public var time: Double
    /// The cells, at most the box's size (the picture's aspect ratio decides the exact size).
    public var grid: CellGrid
    /// The picture itself, scaled to the cells' pixels, when the terminal draws pixels (then
    /// `grid` is blank cells that hold its place).
    public var image: RGBImage?

    public init(clip: String, time: Double, grid: CellGrid, image: RGBImage? = nil) {
        self.clip = clip
        self.time = time
        self.grid = grid
        self.image = image
    }
}

/// The cell box frames are decoded for, and whether they are drawn as ASCII (no colour).
public struct ClipVideoBox: Sendable, Hashable {
    public var columns: Int
    public var rows: Int
    public var colorless: Bool
    /// Pixels or which cells the frames are made of.
    public var graphics: VideoGraphics

    public init(columns: Int, rows: Int, colorless: Bool, graphics: VideoGraphics = .fallback) {
        self.columns = columns
        self.rows = rows
        self.colorless = colorless
        self.graphics = graphics
    }

    /// Too small to show a recognisable picture: the pane shows the time line only.
    public var isTooSmall: Bool { columns < 8 || rows < 4 }
}

/// What the clip pane's video section knows about the selected clip.
public enum ClipVideoStatus: Sendable, Equatable {
    /// No clip is selected (or the Clips screen is not showing).
    case idle
    /// The clip has no linked video file.
    case noVideo
    /// The first frame is being decoded.
    case loading
    /// The video is open; `frame` (if any) is on screen.
    case ready
    /// The file is missing or broken: the `MediaError` message.
    case failed(String)
}

/// The Clips screen's video preview: the selected clip's probe data, the frame on screen, play
/// state, full-pane view and the cache of recently shown clips' first frames.
public struct ClipVideoState: Sendable {
    /// The clip the section shows (by name); nil before anything was selected.
    public var clip: String?
    public var status = ClipVideoStatus.idle
    public var info: VideoInfo?
    public var frame: ClipVideoFrame?
    /// Where playback or stepping stands, in seconds (the frame's time once it arrives).
    public var position = 0.0
    public var playing = false
    /// The video takes the whole body of the Clips screen.
    public var fullView = false
    /// Frames drawn as ASCII brightness (`NO_COLOR` or a terminal without colour).
    public var colorless = false
    /// The box the current frame was decoded for (a resize or the full view asks again).
    public var box: ClipVideoBox?
    public var cache = ClipFrameCache()
    /// The full view's strip: frames at evenly spaced times, for `thumbnailsFor`.
    public var thumbnails: [ClipVideoFrame] = []
    /// The clip, box and count the strip was asked for (nil when none was).
    public var thumbnailsFor: ClipThumbnailRequest?
    /// Pixels (kitty, sixel, iTerm2) or cells, chosen at start.
    public var graphics = VideoGraphics.fallback
    /// The sound drawn under the time line, once decoded, and which strips show (`a`, `A`).
    public var audio: ClipAudio?
    /// The clip the last sound decoding answered for (with `audio` nil: it has no sound).
    public var audioFor: String?
    public var showWaveform = true
    public var showSpectrogram = true
    /// Sound off while playing (`m`).
    public var muted = false
    /// Why no sound is heard (no output device, no track), said once in the pane.
    public var soundNote: String?

    public init(colorless: Bool = false, graphics: VideoGraphics = .fallback) {
        self.colorless = colorless
        self.graphics = graphics
    }

    /// Seconds between frames at the clip's rate (1/25 s when the rate is unknown).
    public var frameInterval: Double {
        guard let fps = info?.fps, fps > 0 else { return 0.04 }
        return 1 / fps
    }
}

/// What happens to the video preview.
public enum ClipVideoAction: Sendable {
    /// A clip's video was opened and its frame at a time decoded (the answer to a selection,
    /// a step or a resize); no frame when the box is too small to show one.
    case opened(clip: String, info: VideoInfo, frame: ClipVideoFrame?, box: ClipVideoBox)
    /// A frame of the running playback.
    case played(ClipVideoFrame)
    /// Playback reached the end of the clip.
    case ended(clip: String)
    /// The clip's file could not be read: the message to show.
    case failed(clip: String, message: String)
    /// The full view's thumbnails, for the request they answer.
    case thumbnails(ClipThumbnailRequest, [ClipVideoFrame])
    /// Pauses and shows the frame at a time (a click on a thumbnail).
    case seek(Double)
    /// The clip's sound as strips' data (nil when it has no sound track or it cannot be read).
    case audio(clip: String, ClipAudio?)
    /// Playback goes on without sound: why (said once in the pane).
    case soundUnavailable(String)
}

/// A clip's sound for the strips under the time line.
public struct ClipAudio: Sendable, Equatable {
    public var clip: String
    public var duration: Double
    public var envelope: AudioEnvelope
    /// Nil when the spectrogram could not be computed (FFTW missing): the waveform still shows.
    public var spectrogram: Spectrogram?

    public init(clip: String, duration: Double, envelope: AudioEnvelope, spectrogram: Spectrogram?) {
        self.clip = clip
        self.duration = duration
        self.envelope = envelope
        self.spectrogram = spectrogram
    }
}

/// Which thumbnails the full view's strip asked for.
public struct ClipThumbnailRequest: Sendable, Hashable {
    public var clip: String
    public var box: ClipVideoBox
    public var count: Int

    public init(clip: String, box: ClipVideoBox, count: Int) {
        self.clip = clip
        self.box = box
        self.count = count
    }
}
