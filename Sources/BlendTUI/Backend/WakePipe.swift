import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A self-pipe: effect tasks write a byte to wake the UI thread out of its blocking `poll`.
/// Writes after `close()` are ignored, so a late effect can never write into a reused
/// file descriptor.
final class WakePipe: @unchecked Sendable {
    // Guarded by `lock`.
    private let lock = NSLock()
    private var readEnd: Int32 = -1
    private var writeEnd: Int32 = -1

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw BackendError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        readEnd = fds[0]
        writeEnd = fds[1]
    }

    /// The end to poll.
    var fileDescriptor: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return readEnd
    }

    /// Wakes the poller; many wakes before it runs count as one.
    func wake() {
        lock.lock()
        defer { lock.unlock() }
        guard writeEnd >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Empties the pipe after a wake.
    func drain() {
        lock.lock()
        defer { lock.unlock() }
        guard readEnd >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        if readEnd >= 0 { _ = Glibc.close(readEnd) }
        if writeEnd >= 0 { _ = Glibc.close(writeEnd) }
        readEnd = -1
        writeEnd = -1
    }
}

/// The terminal could not be set up.
public struct BackendError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
