import CFFmpeg

/// Readable text and classification for libav's negative status codes.
enum FFmpegStatus {
    static let again = bs_AVERROR_EAGAIN()
    static let endOfFile = bs_AVERROR_EOF()
    static let invalidData = bs_AVERROR_INVALIDDATA()
    static let noSuchFile = bs_AVERROR_ENOENT()
    static let accessDenied = bs_AVERROR_EACCES()
    static let isDirectory = bs_AVERROR_EISDIR()
    static let noTimestamp = bs_AV_NOPTS_VALUE()

    /// `av_strerror`'s text for a status code (av_err2str is a macro Swift cannot call).
    static func text(_ code: Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        if av_strerror(code, &buffer, buffer.count) < 0 { return "error \(code)" }
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// One-time process-wide FFmpeg settings, applied before the first open or encode.
enum FFmpegSetup {
    /// libav logs to stderr by default, which would scribble over a curses screen; every failure
    /// reaches callers as a `MediaError` instead.
    static let applied: Void = {
        av_log_set_level(AV_LOG_QUIET)
    }()

    static func ensure() { _ = applied }
}
