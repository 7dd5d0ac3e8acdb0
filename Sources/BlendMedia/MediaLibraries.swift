import CFFmpeg
import Foundation

/// The FFmpeg libraries blendscope loads on first use (see `FFmpegSetup`).
public enum MediaLibraries {
    /// The name MediaErrors about the libraries themselves give as their file.
    static let label = "FFmpeg"

    /// `major.minor.micro` of each library; loads them first.
    ///
    /// - Throws: `MediaError` of kind `.missingLibrary` when FFmpeg is not installed.
    public static var versions: [String: String] {
        get throws {
            try FFmpegSetup.ensure(file: label)
            func text(_ v: UInt32) -> String { "\(v >> 16).\((v >> 8) & 0xff).\(v & 0xff)" }
            return [
                "avformat": text(avformat_version()),
                "avcodec": text(avcodec_version()),
                "swscale": text(swscale_version()),
                "avutil": text(avutil_version()),
            ]
        }
    }

    /// Loads the libraries now (if not yet loaded) and returns how long the load took, in
    /// milliseconds, for `bench --media`.
    ///
    /// - Throws: `MediaError` of kind `.missingLibrary` when FFmpeg is not installed.
    @discardableResult
    public static func load() throws -> Double {
        try FFmpegSetup.ensure(file: label)
        return FFmpegSetup.loadMilliseconds
    }

    /// Starts loading the libraries on a background thread and returns at once, so a screen
    /// that is about to show video (the workbench of a project with linked videos) does not
    /// wait ~35 ms for them on its first frame. A failure is not reported here: the first
    /// media call reports it.
    public static func preload() {
        Thread.detachNewThread { _ = try? load() }
    }

    /// BlendMedia silences libav's own stderr log (it would draw over the TUI); `true` brings
    /// its warnings back, for debugging a clip from the command line.
    ///
    /// - Throws: `MediaError` of kind `.missingLibrary` when FFmpeg is not installed.
    public static func setVerboseLogging(_ verbose: Bool) throws {
        try FFmpegSetup.ensure(file: label)
        av_log_set_level(verbose ? AV_LOG_WARNING : AV_LOG_QUIET)
    }
}
