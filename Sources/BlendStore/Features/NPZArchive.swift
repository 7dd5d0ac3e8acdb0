import Foundation
import ZIPFoundation

/// An `.npz` file opened for reading: a zip archive of `.npy` streams, one per array, as
/// `np.savez` (stored entries) and `np.savez_compressed` (deflated entries) write it.
///
/// Not `Sendable`: it holds an open file. Open it, read the arrays, let it go.
public struct NPZArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    private let file: String

    /// The arrays' names in archive order, without the `.npy` suffix (as `np.load(...).files`).
    public let arrayNames: [String]

    /// Opens the archive and reads its directory.
    /// - Throws: `InputError` when the file is missing or is not a readable zip archive.
    public init(url: URL) throws {
        file = url.relativePath
        guard FileManager.default.fileExists(atPath: url.path) else { throw InputError(file: file, "cannot read the file: no such file") }
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw InputError(
                file: file,
                "not a readable zip archive (an .npz is a zip of .npy files; this one may be cut short or not an .npz)")
        }
        var entries: [String: Entry] = [:]
        var names: [String] = []
        for entry in archive where entry.type == .file {
            let name = entry.path.hasSuffix(".npy") ? String(entry.path.dropLast(4)) : entry.path
            // A zip may repeat a path; numpy's zipfile reads the last one, as does this.
            if entries.updateValue(entry, forKey: name) == nil { names.append(name) }
        }
        self.entries = entries
        arrayNames = names
    }

    /// Reads the array `name` (`"X"` reads the entry `X.npy`); nil when the archive has no such array.
    /// - Throws: `InputError` when the entry is corrupt or not a supported array.
    public func array(named name: String) throws -> NPYArray? {
        guard let entry = entries[name] else { return nil }
        let data = try contents(of: entry)
        return try NPYReader.read(data, file: file, entry: entry.path)
    }

    private func contents(of entry: Entry) throws -> Data {
        let expected = Int(clamping: entry.uncompressedSize)
        var data = Data()
        // The directory's size is a hint, not a promise: a damaged one must not reserve gigabytes.
        data.reserveCapacity(min(expected, 1 << 28))
        do {
            // Large chunks: the default 16 KB makes a 12 MB matrix cost hundreds of calls. The
            // checksum is ours (ZipChecksum.swift): ZIPFoundation's is several times slower on Linux.
            _ = try archive.extract(entry, bufferSize: 1 << 20, skipCRC32: true) { data.append($0) }
        } catch {
            throw InputError(file: file, "entry '\(entry.path)' is corrupt: \(describe(error))")
        }
        guard data.count == expected else {
            throw InputError(
                file: file, "entry '\(entry.path)' is corrupt: it holds \(data.count) bytes but its directory says \(expected)")
        }
        guard data.withUnsafeBytes({ ZipChecksum.crc32($0) }) == entry.checksum else {
            throw InputError(file: file, "entry '\(entry.path)' is corrupt: its CRC-32 does not match its contents")
        }
        return data
    }

    private func describe(_ error: Error) -> String {
        switch error {
        case Archive.ArchiveError.invalidCompressionMethod: return "it uses a compression method other than stored or deflate"
        case let error as Archive.ArchiveError: return "the archive cannot be read (\(error))"
        default: return "its compressed data cannot be inflated (\(error))"
        }
    }
}
