import Foundation

/// How fast the terminal takes in picture bytes, measured on the picture writes themselves.
///
/// A sixel frame is a byte or more a pixel and the terminal decodes it as it reads, so the write
/// blocks once the pty's buffer is full: the time a large write takes is the terminal's own
/// pace. Playback asks for frames no larger than that pace allows at the clip's frame rate
/// (`pixelBudget`), rather than sending full-size frames the terminal can only show late.
/// Shared between the UI thread (which writes and records) and the decoding task (which asks).
public final class TerminalThroughput: @unchecked Sendable {
    /// The one terminal this process draws on.
    public static let shared = TerminalThroughput()

    // Guarded by `lock`.
    private let lock = NSLock()
    private var bytesPerSecond: Double?
    private var bytesPerPixel: Double?

    /// Writes smaller than this fit into the pty's buffer and return at once: their time says
    /// nothing about the terminal.
    static let smallestTellingWrite = 64 * 1024
    /// The share of the measured pace a frame may use, leaving room for the cells and jitter.
    static let headroom = 0.8
    /// Each new measurement's weight in the running estimate (recent writes count most).
    static let weight = 0.3

    public init() {}

    /// One picture write: `bytes` for a picture of `pixels`, which took `seconds` to hand over.
    public func record(bytes: Int, pixels: Int, seconds: Double) {
        guard bytes > 0, pixels > 0 else { return }
        lock.lock()
        defer { lock.unlock() }
        bytesPerPixel = Self.blend(bytesPerPixel, Double(bytes) / Double(pixels))
        if bytes >= Self.smallestTellingWrite, seconds > 0 {
            bytesPerSecond = Self.blend(bytesPerSecond, Double(bytes) / seconds)
        }
    }

    /// The most pixels a frame may have to be shown `framesPerSecond` times a second, or nil
    /// before any telling write was measured (then nothing is capped).
    public func pixelBudget(framesPerSecond: Double) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard let bytesPerSecond, let bytesPerPixel, bytesPerPixel > 0, framesPerSecond > 0 else { return nil }
        return Int(bytesPerSecond * Self.headroom / framesPerSecond / bytesPerPixel)
    }

    private static func blend(_ old: Double?, _ new: Double) -> Double {
        old.map { $0 + weight * (new - $0) } ?? new
    }
}
