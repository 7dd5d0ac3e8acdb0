/// Why a video could not be read or written, always naming the file: `FILE: message`.
///
/// Every FFmpeg failure in BlendMedia ends up here, so callers show one clear line instead of
/// crashing or printing libav's own log noise.
public struct MediaError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The path does not exist.
        case fileNotFound
        /// The path exists but cannot be read (permissions, a directory, an I/O error).
        case unreadable
        /// No known container, or a container without a video stream.
        case notAVideo
        /// The file has no audio stream (a silent clip).
        case noAudio
        /// A video stream whose codec this FFmpeg build cannot decode.
        case unsupportedCodec
        /// A recognised container whose header or sample data stops early.
        case truncated
        /// The stream opened but no picture could be decoded from it.
        case decodeFailed
        /// Writing a clip failed (encoder, muxer or file).
        case encodeFailed
        /// The caller asked for something impossible (a zero-sized grid, a negative time).
        case invalidRequest
        /// FFmpeg's libraries are not installed (or not the version blendscope needs); the
        /// message names the library and the package to install.
        case missingLibrary
    }

    public let file: String
    public let kind: Kind
    public let message: String

    public init(file: String, kind: Kind, _ message: String) {
        self.file = file
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(file): \(message)" }
}
