import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The hostile inputs too large to check in (see Tests/Fixtures/hostile/README.md), written at
/// run time in a few milliseconds each.
enum HostileInputs {
    /// The checked-in corpus.
    static let corpus = CLI.fixtures.appendingPathComponent("hostile")

    /// A 6.6 MB `.npz` whose `X.npy` member says (in its directory and its `.npy` header) it
    /// holds a 2 × 2 float32 array, 144 bytes, and inflates to 6.8 GB of zeros. `declaredSize`
    /// replaces the directory's 144 (to lie the other way round). The deflate stream is built by
    /// hand: a stored block with the header, then one dynamic-Huffman block in which a 258-byte
    /// copy costs two bits, so the body is a run of zero bytes (as zlib's own best ratio, 1032:1).
    static func writeZipBomb(to url: URL, compressedBytes: Int = 6_600_000, declaredSize: UInt64? = nil) throws {
        let header = npyHeader("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }")
        var deflate: [UInt8] = [0x00]  // BFINAL 0, BTYPE 00 (stored), padded to the byte
        deflate += [UInt8(header.count & 0xFF), UInt8(header.count >> 8), ~UInt8(header.count & 0xFF), ~UInt8(header.count >> 8)]
        deflate += header
        var bits = BitWriter()
        bits.write(1, count: 1)  // BFINAL
        bits.write(2, count: 2)  // dynamic Huffman
        bits.write(29, count: 5)  // HLIT: 286 literal/length codes
        bits.write(0, count: 5)  // HDIST: 1 distance code
        bits.write(15, count: 4)  // HCLEN: 19 code-length codes
        // Code-length code: 18 → "0", 1 → "10", 2 → "11", in the format's permuted order.
        let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
        let lengths: [Int: UInt32] = [18: 1, 1: 2, 2: 2]
        for symbol in order { bits.write(lengths[symbol] ?? 0, count: 3) }
        // Literal/length lengths: 0 → 2, 1...255 → 0, 256 → 2, 257...284 → 0, 285 → 1; distance 0 → 1.
        bits.code(0b11, count: 2)  // length 2 (symbol 0)
        bits.code(0, count: 1); bits.write(138 - 11, count: 7)  // 138 zeros
        bits.code(0, count: 1); bits.write(117 - 11, count: 7)  // 117 zeros (1...255)
        bits.code(0b11, count: 2)  // length 2 (symbol 256)
        bits.code(0, count: 1); bits.write(28 - 11, count: 7)  // 28 zeros (257...284)
        bits.code(0b10, count: 2)  // length 1 (symbol 285)
        bits.code(0b10, count: 2)  // length 1 (distance 0)
        // Codes: 285 → "0", 0 → "10", 256 → "11"; distance 0 → "0".
        bits.code(0b10, count: 2)  // literal 0
        precondition(bits.pending % 2 == 0, "the copies are two bits each: the header must leave an even bit count")
        while bits.pending != 0 { bits.code(0, count: 1); bits.code(0, count: 1) }  // 258 zeros a pair
        deflate += bits.bytes
        let body = compressedBytes - deflate.count - 1
        deflate += [UInt8](repeating: 0, count: body)  // four copies of 258 zeros a byte
        deflate.append(0b11)  // end of block "11", then padding
        let size = declaredSize ?? UInt64(header.count + 16)
        try Data(zipArchive([("X.npy", deflate, size)])).write(to: url)
    }

    /// A regular file of `size` NUL bytes that takes no disk space: one endless line for a CSV reader.
    static func writeSparseFile(to url: URL, size: UInt64) throws {
        try Data("filename,".utf8).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    /// An `.npy` whose header nests `depth` brackets (a header of 2 × depth bytes).
    static func writeNestedNPY(to url: URL, depth: Int) throws {
        let shape = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let text = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shape), }"
        try Data(npyHeader(text, version: 2)).write(to: url)
    }

    static func npyHeader(_ dict: String, version: UInt8 = 1) -> [UInt8] {
        let text = Array(dict.utf8)
        let lengthSize = version == 1 ? 2 : 4
        let preamble = 8 + lengthSize
        let total = (preamble + text.count + 1 + 63) / 64 * 64
        let length = total - preamble
        var out: [UInt8] = [0x93] + Array("NUMPY".utf8) + [version, 0]
        for k in 0..<lengthSize { out.append(UInt8((length >> (8 * k)) & 0xFF)) }
        return out + text + [UInt8](repeating: 0x20, count: length - text.count - 1) + [0x0A]
    }

    /// A zip of deflated members (compressed bytes, declared uncompressed size), CRC left 0:
    /// every refusal these serve comes before the checksum.
    static func zipArchive(_ members: [(name: String, deflated: [UInt8], size: UInt64)]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        for (name, data, size) in members {
            let offset = UInt64(out.count)
            let nameBytes = Array(name.utf8)
            var local = le(0x0403_4B50, 4) + le(45, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4)
            local += le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(nameBytes.count), 2) + le(20, 2)
            out += local + nameBytes + le(1, 2) + le(16, 2) + le(size, 8) + le(UInt64(data.count), 8) + data
            var central = le(0x0201_4B50, 4) + le(45, 2) + le(45, 2) + le(0, 2) + le(8, 2) + le(0, 4) + le(0, 4)
            central += le(0xFFFF_FFFF, 4) + le(0xFFFF_FFFF, 4) + le(UInt64(nameBytes.count), 2) + le(28, 2)
            central += le(0, 2) + le(0, 2) + le(0, 2) + le(0, 4) + le(0xFFFF_FFFF, 4) + nameBytes
            central += le(1, 2) + le(24, 2) + le(size, 8) + le(UInt64(data.count), 8) + le(offset, 8)
            directory += central
        }
        let start = UInt64(out.count)
        out += directory
        out += le(0x0605_4B50, 4) + le(0, 2) + le(0, 2) + le(UInt64(members.count), 2) + le(UInt64(members.count), 2)
        out += le(UInt64(directory.count), 4) + le(start, 4) + le(0, 2)
        return out
    }

    private static func le(_ value: UInt64, _ count: Int) -> [UInt8] {
        (0..<count).map { UInt8((value >> (8 * UInt64($0))) & 0xFF) }
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        private(set) var bytes: [UInt8] = []
        private var current: UInt8 = 0
        /// Bits written into `current` (0 when byte-aligned).
        private(set) var pending = 0

        mutating func write(_ value: UInt32, count: Int) {
            for k in 0..<count { put(UInt8((value >> UInt32(k)) & 1)) }
        }

        mutating func code(_ value: UInt32, count: Int) {
            for k in stride(from: count - 1, through: 0, by: -1) { put(UInt8((value >> UInt32(k)) & 1)) }
        }

        private mutating func put(_ bit: UInt8) {
            current |= bit << UInt8(pending)
            pending += 1
            if pending == 8 {
                bytes.append(current)
                (current, pending) = (0, 0)
            }
        }
    }
}
