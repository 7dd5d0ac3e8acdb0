import BlendFiles
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written; the path it was meant for is left as it was.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }
}

/// Writes files whole or not at all: the bytes go to a temporary file in the target's folder
/// (so the same file system), are flushed, and the temporary file is renamed over the target.
/// `rename(2)` replaces atomically, so a reader sees the old file or the new one, never a part.
///
/// The rules, as the README states them for `export --out`:
/// - a symbolic link is followed: its final target is written, atomically in that folder;
/// - only a regular file is replaced, and it keeps its permission bits; a new file gets
///   0666 less the umask (what `>` in a shell gives);
/// - a directory, FIFO, socket or device is refused, except `/dev/null`, which discards;
/// - a missing or read-only folder, a read-only file and a full disk are refused by name;
/// - no temporary file is left behind when anything fails.
public enum AtomicFile {
    /// Where a write goes once links are followed.
    public enum Target: Equatable, Sendable {
        /// A regular file, existing (with its permission bits) or to be created.
        case file(path: String, existingMode: mode_t?)
        /// `/dev/null`: nothing to write.
        case discard
    }

    /// - Throws: `ExportError` naming `url`'s path and the reason; the target is unchanged.
    public static func write(_ data: Data, to url: URL) throws {
        let shown = url.relativePath
        guard case .file(let path, let existingMode) = try target(of: url) else { return }
        let folder = folderName(of: path)
        // A short prefix of the name, so that the temporary name stays within NAME_MAX.
        var template = Array("\(folder)/.\(fileName(of: path).prefix(100)).XXXXXX.partial".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemps(base, Int32(".partial".utf8.count))
        }
        guard descriptor >= 0 else { throw failure(shown, folder: folder, errno) }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer { if !renamed { unlink(temporary) } }
        do {
            defer { close(descriptor) }
            // mkstemp makes 0600; the file should look like any other the user writes.
            guard fchmod(descriptor, existingMode ?? (0o666 & ~currentUmask())) == 0,
                  writeAll(data, to: descriptor),
                  // On disk before the rename, so a crash cannot leave a renamed but empty file.
                  fsync(descriptor) == 0 else { throw failure(shown, folder: folder, errno) }
        }
        guard rename(temporary, path) == 0 else { throw failure(shown, folder: folder, errno) }
        renamed = true
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// The file a write to `url` replaces or creates, or why none may be.
    ///
    /// - Throws: `ExportError` for a directory, FIFO, socket or device (other than
    ///   `/dev/null`), a link loop, a missing, non-folder or read-only folder, a read-only file.
    public static func target(of url: URL) throws -> Target {
        let shown = url.relativePath
        var path = url.path
        var info = stat()
        for _ in 0..<40 {
            guard lstat(path, &info) == 0 else {
                guard errno == ENOENT || errno == ENOTDIR else { throw failure(shown, folder: folderName(of: path), errno) }
                return try newFile(path, shown: shown)
            }
            guard info.st_mode & S_IFMT == S_IFLNK else { return try existing(path, info, shown: shown) }
            guard let link = readLink(path) else { throw failure(shown, folder: folderName(of: path), errno) }
            path = link.hasPrefix("/") ? link : folderName(of: path) + "/" + link
        }
        throw ExportError(path: shown, reason: "too many symbolic links")
    }

    private static func existing(_ path: String, _ info: stat, shown: String) throws -> Target {
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            try checkFolder(of: path, shown: shown)
            guard access(path, W_OK) == 0 else { throw ExportError(path: shown, reason: "\(path) is not writable") }
            return .file(path: path, existingMode: info.st_mode & 0o7777)
        case S_IFDIR:
            throw ExportError(path: shown, reason: "is a directory; give a file name")
        case S_IFCHR where isDevNull(info):
            return .discard
        case let mode:
            let kind = InputFile.kind(mode: mode, size: 0)
            let devices = kind == .characterDevice || kind == .blockDevice ? " (- or /dev/stdout writes to standard output)" : ""
            throw ExportError(path: shown, reason: "is \(kind.noun), not a regular file; give a file name" + devices)
        }
    }

    private static func newFile(_ path: String, shown: String) throws -> Target {
        try checkFolder(of: path, shown: shown)
        return .file(path: path, existingMode: nil)
    }

    private static func checkFolder(of path: String, shown: String) throws {
        let folder = folderName(of: path)
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw errno == ENOENT ? ExportError(path: shown, reason: "no such folder \(folder)")
                                  : failure(shown, folder: folder, errno)
        }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw ExportError(path: shown, reason: "\(folder) is not a folder") }
        guard access(folder, W_OK) == 0 else { throw ExportError(path: shown, reason: "\(folder) is not writable") }
    }

    private static func isDevNull(_ info: stat) -> Bool {
        var null = stat()
        return stat("/dev/null", &null) == 0 && null.st_mode & S_IFMT == S_IFCHR && null.st_rdev == info.st_rdev
    }

    /// The error for `code`, in words a user acts on.
    private static func failure(_ shown: String, folder: String, _ code: Int32) -> ExportError {
        switch code {
        case ENOSPC, EDQUOT: ExportError(path: shown, reason: "no space left on \(folder)")
        case EACCES, EPERM, EROFS: ExportError(path: shown, reason: "\(folder) is not writable")
        case ENOENT: ExportError(path: shown, reason: "no such folder \(folder)")
        case ENOTDIR: ExportError(path: shown, reason: "a part of \(folder) is not a folder")
        case ELOOP: ExportError(path: shown, reason: "too many symbolic links")
        default: ExportError(path: shown, reason: "cannot write (\(String(cString: strerror(code))))")
        }
    }

    private static func writeAll(_ data: Data, to descriptor: Int32) -> Bool {
        data.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return false }
                let n = systemWrite(descriptor, base + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }

    private static func readLink(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The umask without changing it: Linux reports it in /proc; elsewhere set and restore.
    private static func currentUmask() -> mode_t {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }),
           let value = mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) {
            return value
        }
        let mask = umask(0o022)
        umask(mask)
        return mask
    }

    private static func folderName(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    private static func fileName(of path: String) -> String {
        (path as NSString).lastPathComponent
    }
}
