/// What a probe learns about a clip's video stream, in ffprobe's terms.
public struct VideoInfo: Sendable, Equatable, Codable {
    /// The demuxer's name list, as ffprobe's `format_name` (`mov,mp4,m4a,3gp,3g2,mj2`).
    public var container: String
    /// The codec's short name, as ffprobe's `codec_name` (`h264`, `mpeg4`).
    public var codec: String
    /// Coded picture size in pixels, before rotation.
    public var width: Int
    public var height: Int
    /// Degrees counter-clockwise the picture is turned for display: 0, 90, 180 or 270.
    /// This is ffprobe's display-matrix `rotation` taken modulo 360 (ffprobe's -90 is 270).
    public var rotation: Int
    /// Stream duration in seconds (the container's when the stream has none).
    public var duration: Double
    /// Average frame rate (frames per second), falling back to the stream's base rate.
    public var fps: Double
    /// Frames in the stream: the container's count when it keeps one, else duration × fps.
    public var frames: Int
    /// Width over height of one stored pixel (1 for square pixels).
    public var pixelAspect: Double

    public init(container: String, codec: String, width: Int, height: Int, rotation: Int,
                duration: Double, fps: Double, frames: Int, pixelAspect: Double = 1) {
        self.container = container
        self.codec = codec
        self.width = width
        self.height = height
        self.rotation = rotation
        self.duration = duration
        self.fps = fps
        self.frames = frames
        self.pixelAspect = pixelAspect
    }

    /// True when display turns the picture on its side (width and height swap).
    public var isQuarterTurn: Bool { rotation == 90 || rotation == 270 }

    /// Width over height as the viewer sees it: pixel aspect and rotation applied.
    public var displayAspect: Double {
        let upright = Double(width) * pixelAspect / Double(max(height, 1))
        return isQuarterTurn ? 1 / upright : upright
    }
}
