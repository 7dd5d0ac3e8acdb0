/// The preamble of an `.npy` stream: magic, format version, and the header dict that says what
/// the data after it holds. Format: numpy's `numpy/lib/format.py` (NEP 1).
struct NPYHeader: Equatable, Sendable {
    /// Major format version: 1 (16-bit header length), 2 (32-bit), 3 (32-bit, UTF-8 header).
    let majorVersion: Int
    let dataType: NPYDataType
    /// True when the data is column-major. Readers only accept it when the layout is the same
    /// as row-major (at most one dimension longer than 1).
    let fortranOrder: Bool
    let shape: [Int]
    /// Offset of the first data byte from the start of the stream.
    let dataOffset: Int

    /// Elements the shape holds (1 for a 0-d array, as in numpy), computed once with overflow checks.
    let elementCount: Int

    /// Bytes of data the shape and dtype call for, computed once with overflow checks.
    let dataByteCount: Int

    static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// The longest header dict read, in bytes: numpy writes about 128 and its own `np.load`
    /// refuses more than 10,000 unless told otherwise; so does blendscope.
    static let maxHeaderLength = 10_000

    /// The most dimensions a shape may have (numpy's own limit is 64).
    static let maxDimensions = 32

    /// Bytes a stream needs before its header can be parsed: the preamble and the declared
    /// header length; nil while even the preamble is incomplete. Lets an `.npz` reader learn a
    /// member's proper size after inflating only its first bytes.
    static func headerEnd(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard bytes.count >= 8, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        let lengthSize = bytes[6] == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthSize else { return nil }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        return 8 + lengthSize + headerLength
    }

    /// Parses the preamble at the start of `bytes` and checks that the shape's byte count is
    /// representable; it does not look at the data.
    static func parse(_ bytes: UnsafeRawBufferPointer) throws(NPYFormatProblem) -> NPYHeader {
        guard bytes.count >= magic.count, bytes.prefix(magic.count).elementsEqual(magic) else {
            throw NPYFormatProblem(badMagicMessage(bytes))
        }
        guard bytes.count >= 8 else { throw NPYFormatProblem("the file ends inside the .npy preamble (\(bytes.count) bytes)") }
        let major = Int(bytes[6])
        let minor = Int(bytes[7])
        guard (1...3).contains(major), minor == 0 else {
            throw NPYFormatProblem("unsupported .npy format version \(major).\(minor) (blendscope reads 1.0, 2.0 and 3.0)")
        }
        let lengthSize = major == 1 ? 2 : 4
        guard bytes.count >= 8 + lengthSize else {
            throw NPYFormatProblem("the file ends inside the .npy preamble (\(bytes.count) bytes)")
        }
        let headerLength = (0..<lengthSize).reduce(0) { $0 | Int(bytes[8 + $1]) << (8 * $1) }
        let headerStart = 8 + lengthSize
        guard headerLength <= maxHeaderLength else {
            throw NPYFormatProblem(
                "the header declares \(headerLength) bytes; blendscope reads headers of at most \(maxHeaderLength) bytes "
                    + "(numpy writes about 128, and np.load refuses more than 10000 too)")
        }
        guard bytes.count - headerStart >= headerLength else {
            throw NPYFormatProblem(
                "the header is cut short: it declares \(headerLength) bytes but only \(bytes.count - headerStart) follow")
        }
        let headerBytes = UnsafeRawBufferPointer(rebasing: bytes[headerStart..<(headerStart + headerLength)])
        // Versions 1 and 2 write the header in latin-1, version 3 in UTF-8.
        let text = major == 3
            ? String(decoding: headerBytes, as: UTF8.self)
            : String(String.UnicodeScalarView(headerBytes.map { Unicode.Scalar($0) }))
        let fields = try parseDict(text)
        return NPYHeader(
            majorVersion: major, dataType: fields.dataType, fortranOrder: fields.fortranOrder, shape: fields.shape,
            dataOffset: headerStart + headerLength, elementCount: fields.elementCount, dataByteCount: fields.byteCount)
    }

    private static func badMagicMessage(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.starts(with: Array("PK".utf8)) {
            return "not an .npy file: it is a zip archive (an .npz?); name it .npz"
        }
        if bytes.count < magic.count && magic.starts(with: bytes) {
            return "the file ends inside the .npy magic (\(bytes.count) bytes)"
        }
        let shown = bytes.prefix(magic.count).map { byte in
            (0x20..<0x7F).contains(byte)
                ? String(Unicode.Scalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
        }.joined()
        return "not an .npy file: it starts with '\(shown)' instead of '\\x93NUMPY'"
    }

    private static func parseDict(_ text: String) throws(NPYFormatProblem)
        -> (dataType: NPYDataType, fortranOrder: Bool, shape: [Int], elementCount: Int, byteCount: Int)
    {
        let literal: PythonLiteral
        do {
            literal = try PythonLiteral.parse(text)
        } catch {
            throw NPYFormatProblem("the header is not a Python dict literal (\(error.reason) at byte \(error.offset)): \(text.trimmed)")
        }
        guard case .dict = literal else { throw NPYFormatProblem("the header is not a dict: \(text.trimmed)") }
        for key in ["descr", "fortran_order", "shape"] where literal[key] == nil {
            throw NPYFormatProblem("the header lacks '\(key)': \(text.trimmed)")
        }
        let dataType: NPYDataType
        switch literal["descr"] {
        case let .string(descr)?: dataType = try NPYDataType.parse(descr: descr)
        case .list?:
            throw NPYFormatProblem(
                "the array has a structured dtype (named fields); save a plain float32 matrix and a str array of names")
        default: throw NPYFormatProblem("the header's 'descr' is not a dtype string: \(text.trimmed)")
        }
        guard case let .boolean(fortranOrder)? = literal["fortran_order"] else {
            throw NPYFormatProblem("the header's 'fortran_order' is not True or False: \(text.trimmed)")
        }
        guard case let .tuple(dimensions)? = literal["shape"] else {
            throw NPYFormatProblem("the header's 'shape' is not a tuple: \(text.trimmed)")
        }
        guard dimensions.count <= maxDimensions else {
            throw NPYFormatProblem("the header's 'shape' has \(dimensions.count) dimensions; blendscope reads 1-D and 2-D arrays")
        }
        var shape: [Int] = []
        for dimension in dimensions {
            guard case let .integer(length) = dimension, length >= 0 else {
                throw NPYFormatProblem("the header's 'shape' is not a tuple of non-negative integers: \(text.trimmed)")
            }
            shape.append(length)
        }
        // Both products are checked: a shape such as (2**62, 4) must be refused, not trap.
        var elementCount = 1
        for length in shape {
            let (product, overflow) = elementCount.multipliedReportingOverflow(by: length)
            guard !overflow else { throw NPYFormatProblem("the shape \(formatShape(shape)) is too large to hold") }
            elementCount = product
        }
        let (byteCount, overflow) = elementCount.multipliedReportingOverflow(by: dataType.itemSize)
        guard !overflow else { throw NPYFormatProblem("the shape \(formatShape(shape)) is too large to hold") }
        return (dataType, fortranOrder, shape, elementCount, byteCount)
    }
}

/// A shape the way numpy prints it: `(3,)`, `(4, 3)`, `()`.
func formatShape(_ shape: [Int]) -> String {
    shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
}

private extension String {
    /// The header without its padding, for messages; a hostile one is cut to its first 200
    /// characters so the message stays one readable line.
    var trimmed: String {
        var scalars = Substring(self)
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        guard scalars.count > 200 else { return String(scalars) }
        return String(scalars.prefix(200)) + "… (\(scalars.utf8.count) bytes)"
    }
}
