import CZlib
import Foundation

/// Inflates one zip member with a hard ceiling on its output, reading no more compressed bytes
/// than the member has. ZIPFoundation's own Linux inflate loop reads past a member, hands zlib
/// a longer input than it read at the end of the file, and spins forever on a stream that never
/// ends; a hostile `.npz` must get none of that, so this loop is ours.
enum ZipInflater {
    enum Failure: Error, Equatable {
        /// The output would pass `limit` bytes; nothing past the limit was kept.
        case tooLarge
        /// The compressed bytes end before the deflate stream does.
        case cutShort
        /// zlib refused the stream (bad block type, bad distance, ...).
        case corrupt(String)
    }

    /// Inflates the raw deflate stream of `compressedSize` bytes at `offset` in the file.
    /// - Parameters:
    ///   - limit: the most bytes the member may inflate to; one more is a `.tooLarge` failure.
    ///   - check: called with everything inflated so far after each step; it may lower the
    ///     limit (once the `.npy` header says how long the member must be) or throw.
    static func inflate(
        _ file: FileBytes, offset: UInt64, compressedSize: UInt64, limit: Int,
        check: (Data, inout Int) throws -> Void
    ) throws -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure.corrupt("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        let chunk = 1 << 18
        var input = [UInt8](repeating: 0, count: chunk)
        var output = [UInt8](repeating: 0, count: chunk)
        var result = Data()
        var limit = limit
        var consumed: UInt64 = 0
        var status = Z_OK
        while status != Z_STREAM_END {
            guard consumed < compressedSize else { throw Failure.cutShort }
            let want = Int(min(UInt64(chunk), compressedSize - consumed))
            let got = input.withUnsafeMutableBytes { file.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<want]), at: offset + consumed) }
            guard got == want else { throw Failure.cutShort }
            consumed += UInt64(got)
            try input.withUnsafeMutableBufferPointer { inputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(got)
                // Drain this input completely (or stop at the stream's end) before reading more.
                repeat {
                    try output.withUnsafeMutableBufferPointer { outputBuffer in
                        stream.next_out = outputBuffer.baseAddress
                        stream.avail_out = UInt32(chunk)
                        let inputBefore = stream.avail_in
                        status = CZlib.inflate(&stream, Z_NO_FLUSH)
                        // Neither input taken nor output given: zlib is stuck, and looping would spin.
                        if status == Z_BUF_ERROR && stream.avail_in == inputBefore && stream.avail_out == UInt32(chunk)
                            && inputBefore > 0 {
                            throw Failure.corrupt("zlib made no progress")
                        }
                        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                            let reason = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
                            throw Failure.corrupt(reason)
                        }
                        let produced = chunk - Int(stream.avail_out)
                        guard produced <= limit - result.count else { throw Failure.tooLarge }
                        if produced > 0, let base = outputBuffer.baseAddress { result.append(base, count: produced) }
                    }
                    try check(result, &limit)
                    guard result.count <= limit else { throw Failure.tooLarge }
                } while status != Z_STREAM_END && (stream.avail_in > 0 || stream.avail_out == 0)
            }
        }
        return result
    }
}
