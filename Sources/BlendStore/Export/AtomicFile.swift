import Foundation

/// A file that could not be written; the path it was meant for is left as it was.
public struct ExportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "\(path): cannot write (\(reason))" }
}

/// Writes files whole or not at all: the bytes go to a temporary file in the same directory
/// (so the same file system), are flushed, and the temporary file is renamed over the target.
/// `rename(2)` replaces atomically, so a reader sees the old file or the new one, never a part.
public enum AtomicFile {
    /// - Throws: `ExportError` when the directory is missing or not writable, or the target
    ///   cannot be replaced (e.g. it is a directory). No temporary file is left behind.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        let path = url.relativePath
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw ExportError(path: path, reason: "cannot create a file in \(directory.relativePath)")
        }
        var moved = false
        defer { if !moved { try? FileManager.default.removeItem(at: temporary) } }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            // On disk before the rename, so a crash cannot leave a renamed but empty file.
            try handle.synchronize()
        } catch {
            throw ExportError(path: path, reason: "\(error.localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw ExportError(path: path, reason: String(cString: strerror(errno)))
        }
        moved = true
    }

    /// Writes `text` as UTF-8.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
