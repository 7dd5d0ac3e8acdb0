import Foundation

/// The small I/O half of detection: send the queries to the terminal, read what comes back for
/// at most a short timeout, restore the terminal. `GraphicsDetection.parse` reads the bytes.
public enum TerminalQuery {
    /// The terminal's replies to `GraphicsDetection.query`, or nil when there is no terminal
    /// (`/dev/tty` cannot be opened: a pipe, a cron job). Stops at DA1's reply or `timeout`.
    public static func ask(timeout: Duration = .milliseconds(150)) -> [UInt8]? {
        let fd = open("/dev/tty", O_RDWR | O_NOCTTY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var raw = saved
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        guard tcsetattr(fd, TCSANOW, &raw) == 0 else { return nil }
        defer { tcsetattr(fd, TCSANOW, &saved) }

        let query = Array(GraphicsDetection.query.utf8)
        guard query.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == query.count else { return nil }
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 512)
        while !GraphicsDetection.parse(received).answeredDeviceAttributes {
            let left = ContinuousClock.now.duration(to: deadline)
            guard left > .zero else { break }
            let (seconds, attoseconds) = left.components
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let waitMilliseconds = Int32(seconds * 1000 + attoseconds / 1_000_000_000_000_000) + 1
            guard poll(&descriptor, 1, waitMilliseconds) > 0 else { break }
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            received += buffer[0..<count]
        }
        return received
    }

    /// The cell size in pixels the terminal reports (`TIOCGWINSZ`), or nil when it reports none.
    public static func cellSize(fileDescriptor: Int32 = STDOUT_FILENO) -> PixelSize? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0,
              size.ws_xpixel >= size.ws_col, size.ws_ypixel >= size.ws_row else { return nil }
        return PixelSize(width: Int(size.ws_xpixel / size.ws_col), height: Int(size.ws_ypixel / size.ws_row))
    }

    /// The mode to use: `override` when given, else detected (replies, then environment hints).
    public static func detectMode(override: GraphicsMode? = nil,
                                  environment: [String: String] = ProcessInfo.processInfo.environment) -> GraphicsMode {
        if let override { return override }
        let replies = ask().map(GraphicsDetection.parse) ?? TerminalReplies()
        return GraphicsDetection.choose(replies, environment: environment)
    }
}
