import Foundation

/// Writes `.npy` streams that numpy reads with `np.load`: a float32 matrix and a str array, the
/// two arrays a feature `.npz` holds, byte for byte as `np.save` writes them.
public enum NPYWriter {
    /// A C-order `<f4` array of shape `(rows, columns)`.
    public static func float32Matrix(_ values: [Float], rows: Int, columns: Int) -> Data {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns, "values must hold rows × columns")
        var data = header(descr: NPYDataType.float32.descr, shape: [rows, columns])
        data.reserveCapacity(data.count + values.count * 4)
        #if _endian(big)
        for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        #else
        values.withUnsafeBytes { data.append(contentsOf: $0) }
        #endif
        return data
    }

    /// A 1-D `<U n` array, n the longest string's length in Unicode scalars (at least 1, as numpy).
    public static func unicodeStrings(_ strings: [String]) -> Data {
        let width = max(1, strings.map(\.unicodeScalars.count).max() ?? 1)
        var data = header(descr: NPYDataType.unicode(characters: width).descr, shape: [strings.count])
        data.reserveCapacity(data.count + strings.count * width * 4)
        for string in strings {
            var written = 0
            for scalar in string.unicodeScalars {
                withUnsafeBytes(of: scalar.value.littleEndian) { data.append(contentsOf: $0) }
                written += 1
            }
            data.append(contentsOf: repeatElement(0, count: (width - written) * 4))
        }
        return data
    }

    /// Magic, version 1.0, header length and the dict numpy writes, space-padded so the data
    /// starts on a 64-byte boundary. A 1-D or 2-D shape never needs format 2.0's longer headers.
    static func header(descr: String, shape: [Int]) -> Data {
        let dict = Array("{'descr': '\(descr)', 'fortran_order': False, 'shape': \(formatShape(shape)), }".utf8)
        let preamble = NPYHeader.magic.count + 4
        // The dict, at least one pad byte and the closing newline, rounded up to the alignment.
        let total = (preamble + dict.count + 1 + 63) / 64 * 64
        let headerLength = total - preamble
        var data = Data(NPYHeader.magic + [1, 0, UInt8(headerLength & 0xFF), UInt8(headerLength >> 8)])
        data.append(contentsOf: dict)
        data.append(contentsOf: repeatElement(UInt8(ascii: " "), count: headerLength - dict.count - 1))
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
