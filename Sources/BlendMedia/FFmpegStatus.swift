import BlendCore
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

/// FFmpeg, loaded on first use: the binary is not linked against it (its ~150 dependent
/// libraries would cost every verb ~35 ms at start; see CFFmpeg's shim.h), so every BlendMedia
/// entry point that reaches libav calls `ensure(file:)` first.
enum FFmpegSetup {
    private struct Outcome: Sendable {
        /// Nil when the libraries are loaded; else why not (the library and its package).
        let failure: String?
        /// How long opening the libraries and resolving the table took.
        let milliseconds: Double
    }

    /// Loads once per process, on the first media call (Swift's lazy globals are thread-safe).
    private static let outcome: Outcome = {
        let clock = ContinuousClock()
        var failure: String?
        let elapsed = clock.measure {
            if let why = bs_libav_load() { failure = String(cString: why) }
        }
        // libav logs to stderr by default, which would scribble over a curses screen; every
        // failure reaches callers as a `MediaError` instead.
        if failure == nil { av_log_set_level(AV_LOG_QUIET) }
        return Outcome(failure: failure, milliseconds: elapsed.inMilliseconds)
    }()

    /// Loads FFmpeg if it is not yet loaded. Throws a `MediaError` of kind `.missingLibrary`
    /// naming `file` (what the caller was about to read or write), the missing library and the
    /// Debian package that provides it.
    static func ensure(file: String) throws {
        if let failure = outcome.failure { throw MediaError(file: file, kind: .missingLibrary, failure) }
    }

    /// Loads FFmpeg (if not yet loaded) and returns how long that took, the first time.
    static var loadMilliseconds: Double { outcome.milliseconds }
}
