#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A zip archive's central directory, read with every offset and size checked against the
/// file: what `NPZArchive` needs to find and inflate its members (ZIP64 included, which
/// `np.savez` writes for every member). Nothing here trusts a size it has not bounded.
struct ZipDirectory {
    struct Member: Equatable {
        let path: String
        /// 0 stored, 8 deflate; anything else is refused when the member is read.
        let method: UInt16
        let flags: UInt16
        let checksum: UInt32
        let compressedSize: UInt64
        let uncompressedSize: UInt64
        let localHeaderOffset: UInt64
    }

    struct Malformed: Error {
        let reason: String
    }

    let members: [Member]

    /// Reads the directory of the file open as `descriptor`, `fileSize` bytes long.
    init(descriptor: Int32, fileSize: UInt64) throws(Malformed) {
        let reader = FileBytes(descriptor: descriptor, size: fileSize)
        let end = try Self.endRecord(reader)
        var records = end.entries
        guard end.directoryOffset <= fileSize, end.directorySize <= fileSize - end.directoryOffset else {
            throw Malformed(reason: "the central directory lies outside the file")
        }
        let directory = try reader.bytes(at: end.directoryOffset, count: Int(end.directorySize))
        var cursor = 0
        var members: [Member] = []
        // Every record is at least 46 bytes, so the directory's own size bounds the loop.
        while records > 0 {
            records -= 1
            guard directory.count - cursor >= 46, directory.le32(cursor) == 0x0201_4B50 else {
                throw Malformed(reason: "a central directory record is damaged")
            }
            let nameLength = Int(directory.le16(cursor + 28))
            let extraLength = Int(directory.le16(cursor + 30))
            let commentLength = Int(directory.le16(cursor + 32))
            let recordEnd = cursor + 46 + nameLength + extraLength + commentLength
            guard recordEnd <= directory.count else { throw Malformed(reason: "a central directory record is cut short") }
            var compressed = UInt64(directory.le32(cursor + 20))
            var uncompressed = UInt64(directory.le32(cursor + 24))
            var localOffset = UInt64(directory.le32(cursor + 42))
            let name = String(decoding: directory[(cursor + 46)..<(cursor + 46 + nameLength)], as: UTF8.self)
            // ZIP64: the extra field holds, in this order, each 32-bit value that is all ones.
            var extra = cursor + 46 + nameLength
            let extraEnd = extra + extraLength
            while extraEnd - extra >= 4 {
                let id = directory.le16(extra), size = Int(directory.le16(extra + 2))
                let body = extra + 4
                guard size <= extraEnd - body else { throw Malformed(reason: "an extra field of '\(name)' is cut short") }
                if id == 0x0001 {
                    var field = body
                    let fieldEnd = body + size
                    if uncompressed == 0xFFFF_FFFF {
                        guard fieldEnd - field >= 8 else { throw Malformed(reason: "the ZIP64 field of '\(name)' is cut short") }
                        uncompressed = directory.le64(field)
                        field += 8
                    }
                    if compressed == 0xFFFF_FFFF {
                        guard fieldEnd - field >= 8 else { throw Malformed(reason: "the ZIP64 field of '\(name)' is cut short") }
                        compressed = directory.le64(field)
                        field += 8
                    }
                    if localOffset == 0xFFFF_FFFF {
                        guard fieldEnd - field >= 8 else { throw Malformed(reason: "the ZIP64 field of '\(name)' is cut short") }
                        localOffset = directory.le64(field)
                    }
                }
                extra = body + size
            }
            members.append(Member(
                path: name, method: directory.le16(cursor + 10), flags: directory.le16(cursor + 8),
                checksum: directory.le32(cursor + 16), compressedSize: compressed, uncompressedSize: uncompressed,
                localHeaderOffset: localOffset))
            cursor = recordEnd
        }
        self.members = members
    }

    /// Where a member's compressed bytes start in the file, from its local header; checked to
    /// lie, with its compressed size, inside the file.
    static func dataOffset(of member: Member, descriptor: Int32, fileSize: UInt64) throws(Malformed) -> UInt64 {
        let reader = FileBytes(descriptor: descriptor, size: fileSize)
        let header = try reader.bytes(at: member.localHeaderOffset, count: 30)
        guard header.le32(0) == 0x0403_4B50 else { throw Malformed(reason: "its local header is missing") }
        let start = member.localHeaderOffset + 30 + UInt64(header.le16(26)) + UInt64(header.le16(28))
        guard start <= fileSize, member.compressedSize <= fileSize - start else {
            throw Malformed(reason: "its compressed data (\(member.compressedSize) bytes) runs past the end of the file")
        }
        return start
    }

    private struct EndRecord {
        let entries: UInt64
        let directorySize: UInt64
        let directoryOffset: UInt64
    }

    /// The end-of-central-directory record, found by scanning back over a comment of at most
    /// 65,535 bytes, and its ZIP64 counterpart when the 32-bit fields are all ones.
    private static func endRecord(_ reader: FileBytes) throws(Malformed) -> EndRecord {
        let tailLength = Int(min(reader.size, 22 + 65_535))
        guard tailLength >= 22 else { throw Malformed(reason: "too short for a zip archive") }
        let tailStart = reader.size - UInt64(tailLength)
        let tail = try reader.bytes(at: tailStart, count: tailLength)
        var position = tailLength - 22
        while position >= 0, tail.le32(position) != 0x0605_4B50 { position -= 1 }
        guard position >= 0 else { throw Malformed(reason: "no end-of-central-directory record") }
        var entries = UInt64(tail.le16(position + 10))
        var size = UInt64(tail.le32(position + 12))
        var offset = UInt64(tail.le32(position + 16))
        if entries == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            let locatorAt = tailStart + UInt64(position)
            guard locatorAt >= 20 else { throw Malformed(reason: "the ZIP64 locator is missing") }
            let locator = try reader.bytes(at: locatorAt - 20, count: 20)
            guard locator.le32(0) == 0x0706_4B50 else { throw Malformed(reason: "the ZIP64 locator is missing") }
            let record = try reader.bytes(at: locator.le64(8), count: 56)
            guard record.le32(0) == 0x0606_4B50 else { throw Malformed(reason: "the ZIP64 end record is missing") }
            (entries, size, offset) = (record.le64(32), record.le64(40), record.le64(48))
        }
        return EndRecord(entries: entries, directorySize: size, directoryOffset: offset)
    }
}

/// Reads byte ranges of an open file, refusing any range that is not wholly inside it.
struct FileBytes {
    let descriptor: Int32
    let size: UInt64

    func bytes(at offset: UInt64, count: Int) throws(ZipDirectory.Malformed) -> [UInt8] {
        guard count >= 0, offset <= size, UInt64(count) <= size - offset else {
            throw ZipDirectory.Malformed(reason: "a record lies outside the file")
        }
        var buffer = [UInt8](repeating: 0, count: count)
        let filled = buffer.withUnsafeMutableBytes { self.read(into: $0, at: offset) }
        guard filled == count else { throw ZipDirectory.Malformed(reason: "the file cannot be read") }
        return buffer
    }

    /// Fills `buffer` from `offset`, retrying short reads; returns the bytes read (short at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: UInt64) -> Int {
        var done = 0
        guard let base = buffer.baseAddress else { return 0 }
        while done < buffer.count {
            let result = pread(descriptor, base + done, buffer.count - done, off_t(offset) + off_t(done))
            if result < 0 && errno == EINTR { continue }
            guard result > 0 else { break }
            done += result
        }
        return done
    }
}

extension Array where Element == UInt8 {
    func le16(_ at: Int) -> UInt16 { UInt16(self[at]) | UInt16(self[at + 1]) << 8 }
    func le32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[at + $1]) << (8 * $1) } }
    func le64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(self[at + $1]) << (8 * $1) } }
}
