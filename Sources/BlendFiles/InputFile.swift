#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one check every reader of a user's file makes before it opens it: the path must name a
/// regular file (symbolic links followed). A directory, FIFO, socket or device is refused at
/// once with the reason, never opened: opening a FIFO for reading blocks until a writer comes,
/// and `/dev/zero` never ends.
///
/// It lives in its own small module because both BlendStore (importers) and BlendMedia (probe,
/// frame, video folders) need it, BlendMedia cannot see BlendStore, and BlendCore stays free
/// of I/O.
public enum InputFile {
    /// What a path names, as `stat` sees it.
    public enum Kind: Equatable, Sendable {
        case regular(size: Int64)
        case directory
        case fifo
        case socket
        case characterDevice
        case blockDevice
        case other
        /// `stat` failed; the `errno` says why (ENOENT for a missing file or dangling link).
        case unavailable(errno: Int32)

        /// How a message names it: "a directory", "a FIFO (named pipe)".
        public var noun: String {
            switch self {
            case .regular: return "a regular file"
            case .directory: return "a directory"
            case .fifo: return "a FIFO (named pipe)"
            case .socket: return "a socket"
            case .characterDevice: return "a character device"
            case .blockDevice: return "a block device"
            case .other: return "not a regular file"
            case .unavailable: return "unavailable"
            }
        }
    }

    /// Why a path cannot be read as a file, in words for `PATH: reason`.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public enum Cause: Equatable, Sendable {
            case missing
            case notRegular
            case unreadable
        }

        public let cause: Cause
        /// E.g. "is a directory", "is a FIFO (named pipe), not a regular file", "no such file".
        public let reason: String

        public var description: String { reason }
    }

    /// What `path` names, following symbolic links, plus whether the path itself is a link.
    public static func kind(of path: String) -> (kind: Kind, isSymbolicLink: Bool) {
        var info = stat()
        let isLink = lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
        guard stat(path, &info) == 0 else { return (.unavailable(errno: errno), isLink) }
        return (kind(mode: info.st_mode, size: Int64(info.st_size)), isLink)
    }

    /// Checks that `path` names a regular file and returns its size in bytes.
    public static func checkRegular(_ path: String) throws(Problem) -> Int64 {
        let (kind, isLink) = kind(of: path)
        if case let .regular(size) = kind { return size }
        throw problem(kind, isSymbolicLink: isLink, expected: "regular file")
    }

    /// Checks that `path` names a directory (for a folder of videos).
    public static func checkDirectory(_ path: String) throws(Problem) {
        let (kind, isLink) = kind(of: path)
        if kind == .directory { return }
        if case .regular = kind {
            throw Problem(cause: .notRegular, reason: (isLink ? "is a symbolic link to a file" : "is a file") + ", not a folder")
        }
        throw problem(kind, isSymbolicLink: isLink, expected: "folder")
    }

    /// Opens `path` for reading after `checkRegular`. `O_NONBLOCK` keeps a FIFO swapped in
    /// after the check from blocking the open, and `fstat` on the open descriptor refuses it.
    /// The caller closes the descriptor.
    public static func openForReading(_ path: String) throws(Problem) -> Int32 {
        _ = try checkRegular(path)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(.unavailable(errno: errno), isSymbolicLink: false, expected: "regular file") }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            throw problem(.unavailable(errno: code), isSymbolicLink: false, expected: "regular file")
        }
        let opened = kind(mode: info.st_mode, size: Int64(info.st_size))
        guard case .regular = opened else {
            close(descriptor)
            throw problem(opened, isSymbolicLink: false, expected: "regular file")
        }
        // Regular files ignore O_NONBLOCK, but clear it so reads keep their usual meaning.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return descriptor
    }

    /// The kind `stat`'s mode and size describe.
    public static func kind(mode: mode_t, size: Int64) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .regular(size: size)
        case S_IFDIR: return .directory
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        default: return .other
        }
    }

    private static func problem(_ kind: Kind, isSymbolicLink: Bool, expected: String) -> Problem {
        let link = isSymbolicLink ? "is a symbolic link to " : "is "
        switch kind {
        case let .unavailable(code) where code == ENOENT:
            return Problem(cause: .missing, reason: isSymbolicLink ? "is a symbolic link to nothing (no such file)" : "no such file")
        case .unavailable(ENOTDIR):
            return Problem(cause: .missing, reason: "no such file (a folder on its path is a file)")
        case let .unavailable(code):
            return Problem(cause: .unreadable, reason: "cannot read: " + String(cString: strerror(code)).lowercased())
        case .directory where expected == "regular file":
            return Problem(cause: .notRegular, reason: link + "a directory")
        case .other:
            return Problem(cause: .notRegular, reason: link + "something other than a \(expected)")
        default:
            return Problem(cause: .notRegular, reason: link + kind.noun + ", not a \(expected)")
        }
    }
}
