/// Decodes numpy's fixed-width string arrays, where each element fills its width and shorter
/// strings are padded with NULs (which numpy strips when it reads them back).
enum NPYStrings {
    /// `<U n`: n UTF-32LE code units per element.
    static func utf32(_ payload: UnsafeRawBufferPointer, count: Int, characters: Int) throws(NPYFormatProblem) -> [String] {
        var strings: [String] = []
        strings.reserveCapacity(count)
        // One reused UTF-8 buffer: appending scalar by scalar to a String is several times slower.
        var utf8: [UInt8] = []
        utf8.reserveCapacity(characters * 4)
        for index in 0..<count {
            utf8.removeAll(keepingCapacity: true)
            let start = index * characters * 4
            var end = start + characters * 4
            while end > start && payload.loadUnaligned(fromByteOffset: end - 4, as: UInt32.self) == 0 { end -= 4 }
            for offset in stride(from: start, to: end, by: 4) {
                let code = UInt32(littleEndian: payload.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                guard let scalar = Unicode.Scalar(code) else {
                    throw NPYFormatProblem("string [\(index)] holds 0x\(String(code, radix: 16)), which is not a Unicode code point")
                }
                UTF8.encode(scalar) { utf8.append($0) }
            }
            strings.append(String(decoding: utf8, as: UTF8.self))
        }
        return strings
    }

    /// `|S n`: n bytes per element, read as UTF-8 (clip names are ASCII).
    static func utf8(_ payload: UnsafeRawBufferPointer, count: Int, length: Int) throws(NPYFormatProblem) -> [String] {
        var strings: [String] = []
        strings.reserveCapacity(count)
        for index in 0..<count {
            var bytes = payload[(index * length)..<((index + 1) * length)]
            while bytes.last == 0 { bytes.removeLast() }
            var scalars = String.UnicodeScalarView()
            let invalid = transcode(bytes.makeIterator(), from: UTF8.self, to: UTF32.self, stoppingOnError: true) {
                if let scalar = Unicode.Scalar($0) { scalars.append(scalar) }
            }
            guard !invalid else { throw NPYFormatProblem("string [\(index)] is not valid UTF-8") }
            strings.append(String(scalars))
        }
        return strings
    }
}
