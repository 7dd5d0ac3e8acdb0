import CFFmpeg

/// The FFmpeg libraries blendscope is linked against, as `major.minor.micro`.
public enum MediaLibraries {
    public static var versions: [String: String] {
        func text(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }
        return [
            "avformat": text(avformat_version()),
            "avcodec": text(avcodec_version()),
            "swscale": text(swscale_version()),
            "avutil": text(avutil_version()),
        ]
    }

    /// BlendMedia silences libav's own stderr log (it would draw over the TUI); `true` brings
    /// its warnings back, for debugging a clip from the command line.
    public static func setVerboseLogging(_ verbose: Bool) {
        FFmpegSetup.ensure()
        av_log_set_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET)
    }
}
