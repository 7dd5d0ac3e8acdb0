import BlendFiles
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An `.npz` file opened for reading: a zip archive of `.npy` streams, one per array, as
/// `np.savez` (stored entries) and `np.savez_compressed` (deflated entries) write it.
///
/// Bounded: a member may hold no more than its directory declares and its own `.npy` header
/// calls for (header + shape × item size), checked before and while it is inflated, and the
/// members read from one archive inflate to at most `inflatedLimit` bytes in all. A zip bomb
/// stops after its first inflated chunk.
///
/// Not `Sendable`: it holds an open file. Open it, read the arrays, let it go.
public final class NPZArchive {
    /// The most bytes the arrays read from one `.npz` may inflate to, together: 1 GiB (a
    /// 3,050 × 7,168 float64 matrix is 175 MB).
    public static let inflatedLimit = 1 << 30

    private let descriptor: Int32
    private let fileSize: UInt64
    private let entries: [String: ZipDirectory.Member]
    private let file: String
    private var inflated = 0

    /// The arrays' names in archive order, without the `.npy` suffix (as `np.load(...).files`).
    public let arrayNames: [String]

    /// Opens the archive and reads its directory.
    /// - Throws: `InputError` when the path is no regular file or not a readable zip archive.
    public init(url: URL) throws {
        file = url.relativePath
        descriptor = try InputFile.open(url)
        var info = stat()
        fileSize = fstat(descriptor, &info) == 0 ? UInt64(max(0, info.st_size)) : 0
        let directory: ZipDirectory
        do {
            directory = try ZipDirectory(descriptor: descriptor, fileSize: fileSize)
        } catch {
            close(descriptor)
            throw InputError(
                file: file,
                "not a readable zip archive (an .npz is a zip of .npy files; this one may be cut short or not an .npz)")
        }
        var entries: [String: ZipDirectory.Member] = [:]
        var names: [String] = []
        for member in directory.members where !member.path.hasSuffix("/") {
            let name = member.path.hasSuffix(".npy") ? String(member.path.dropLast(4)) : member.path
            // A zip may repeat a path; numpy's zipfile reads the last one, as does this.
            if entries.updateValue(member, forKey: name) == nil { names.append(name) }
        }
        self.entries = entries
        arrayNames = names
    }

    deinit { close(descriptor) }

    /// Reads the array `name` (`"X"` reads the entry `X.npy`); nil when the archive has no such array.
    /// - Throws: `InputError` when the entry is corrupt, too large or not a supported array.
    public func array(named name: String) throws -> NPYArray? {
        guard let entry = entries[name] else { return nil }
        let data = try contents(of: entry)
        return try NPYReader.read(data, file: file, entry: entry.path)
    }

    private func contents(of entry: ZipDirectory.Member) throws(InputError) -> Data {
        let path = entry.path
        func corrupt(_ why: String) -> InputError { InputError(file: file, "entry '\(path)' is corrupt: \(why)") }
        guard entry.flags & 1 == 0 else { throw InputError(file: file, "entry '\(path)' is encrypted; an .npz never is") }
        let room = Self.inflatedLimit - inflated
        guard entry.uncompressedSize <= UInt64(room) else {
            throw InputError(
                file: file,
                "entry '\(path)' declares \(entry.uncompressedSize) bytes uncompressed; an .npz may inflate to at most "
                    + "\(Self.inflatedLimit) bytes (1 GiB) in all, so it is refused before inflating")
        }
        let declared = Int(entry.uncompressedSize)
        let reader = FileBytes(descriptor: descriptor, size: fileSize)
        let start: UInt64
        do {
            start = try ZipDirectory.dataOffset(of: entry, descriptor: descriptor, fileSize: fileSize)
        } catch {
            throw corrupt(error.reason)
        }
        let data: Data
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw corrupt("it is stored uncompressed but its sizes differ (\(entry.compressedSize) and \(declared))")
            }
            var bytes = Data(count: declared)
            let read = bytes.withUnsafeMutableBytes { reader.read(into: $0, at: start) }
            guard read == declared else { throw corrupt("it is cut short") }
            var limit = declared
            try limitByHeader(bytes, limit: &limit, path: path)
            data = bytes
        case 8:
            do {
                data = try ZipInflater.inflate(
                    reader, offset: start, compressedSize: entry.compressedSize, limit: declared
                ) { sofar, limit in try limitByHeader(sofar, limit: &limit, path: path) }
            } catch let error as InputError {
                throw error
            } catch ZipInflater.Failure.tooLarge {
                throw InputError(
                    file: file,
                    "entry '\(path)' inflates to more than the \(declared) bytes its directory and .npy header declare; "
                        + "refused without inflating the rest (a zip bomb?)")
            } catch ZipInflater.Failure.cutShort {
                throw corrupt("its compressed data ends before the deflate stream does")
            } catch let ZipInflater.Failure.corrupt(reason) {
                throw corrupt("its compressed data cannot be inflated (\(reason))")
            } catch {
                throw corrupt("its compressed data cannot be inflated (\(error))")
            }
        default:
            throw corrupt("it uses a compression method other than stored or deflate")
        }
        inflated += data.count
        guard data.count == declared else {
            throw corrupt("it holds \(data.count) bytes but its directory says \(declared)")
        }
        guard data.withUnsafeBytes({ ZipChecksum.crc32($0) }) == entry.checksum else {
            throw corrupt("its CRC-32 does not match its contents")
        }
        return data
    }

    /// Once the first bytes hold the `.npy` header, lowers `limit` to what the header calls for
    /// (header + shape × item size) and refuses a member whose directory declares more. A
    /// header that does not parse is left for `NPYReader`, which names the problem.
    private func limitByHeader(_ sofar: Data, limit: inout Int, path: String) throws(InputError) {
        let needed = sofar.withUnsafeBytes { NPYHeader.headerEnd($0) }
        guard let needed, sofar.count >= needed, needed <= NPYHeader.maxHeaderLength + 12 else { return }
        guard let header = sofar.withUnsafeBytes({ try? NPYHeader.parse($0) }) else { return }
        let (total, overflow) = header.dataOffset.addingReportingOverflow(header.dataByteCount)
        guard !overflow else { return }
        if total < limit {
            throw InputError(
                file: file,
                "entry '\(path)' declares \(limit) bytes but its .npy header calls for \(total) "
                    + "(a \(header.dataOffset)-byte header and shape \(formatShape(header.shape)) of \(header.dataType.descr)); "
                    + "refused without inflating the rest")
        }
        limit = min(limit, total)
    }
}
