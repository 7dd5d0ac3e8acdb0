/// The element types blendscope reads from `.npy` files: little-endian floats for features and
/// fixed-width strings for clip names. Everything else is refused with a reason a numpy user can
/// act on.
public enum NPYDataType: Equatable, Sendable {
    /// `<f4`.
    case float32
    /// `<f8`.
    case float64
    /// `<U n`: n UTF-32LE code units per element, NUL-padded (numpy's `str` arrays).
    case unicode(characters: Int)
    /// `|S n`: n bytes per element, NUL-padded (numpy's `bytes` arrays); read as UTF-8.
    case bytes(length: Int)

    /// The widest string element read: 65,536 characters (`<U65536`) or bytes (`|S65536`).
    /// Clip names are tens of characters; the bound keeps a hostile `<U100000000000` from
    /// sizing a buffer.
    public static let maxStringLength = 65_536

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .float32: return 4
        case .float64: return 8
        case let .unicode(characters): return 4 * characters
        case let .bytes(length): return length
        }
    }

    /// The dtype as numpy spells it (`descr`).
    public var descr: String {
        switch self {
        case .float32: return "<f4"
        case .float64: return "<f8"
        case let .unicode(characters): return "<U\(characters)"
        case let .bytes(length): return "|S\(length)"
        }
    }

    /// Reads a header's `descr` string.
    /// - Throws: a message (without location) saying why the dtype is not supported.
    static func parse(descr: String) throws(NPYFormatProblem) -> NPYDataType {
        let scalars = Array(descr.unicodeScalars)
        guard scalars.count >= 2 else { throw NPYFormatProblem("dtype '\(descr)' is not a numpy dtype string") }
        let order = scalars[0]
        let kind = scalars[1]
        let sizeText = String(String.UnicodeScalarView(scalars.dropFirst(2)))
        // Digits only: Int("+4") parses, and "3e18" must read as the nonsense it is.
        let size = sizeText.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ? Int(sizeText) : nil
        if kind == "O" {
            throw NPYFormatProblem(
                "dtype '\(descr)' is an object array, which numpy stores as a Python pickle that blendscope "
                    + "does not load; save names as a str array (np.array(names, dtype=str)) and features as float32")
        }
        // numpy always writes an explicit order: '<' little-endian, '|' not applicable, '>' big-endian.
        guard let size, size > 0, "<|>".unicodeScalars.contains(order) else {
            throw NPYFormatProblem("dtype '\(descr)' is not a numpy dtype string")
        }
        if order == ">" {
            throw NPYFormatProblem(
                "dtype '\(descr)' is big-endian; blendscope reads little-endian data "
                    + "(convert with X.astype(X.dtype.newbyteorder('<')))")
        }
        if (kind == "U" || kind == "S"), size > maxStringLength {
            throw NPYFormatProblem(
                "dtype '\(descr)' declares strings of \(size) \(kind == "U" ? "characters" : "bytes"); "
                    + "blendscope reads names of at most \(maxStringLength)")
        }
        switch (kind, size) {
        case ("f", 4): return .float32
        case ("f", 8): return .float64
        case ("U", _): return .unicode(characters: size)
        case ("S", _): return .bytes(length: size)
        default:
            throw NPYFormatProblem(
                "unsupported dtype '\(descr)' (\(Self.describe(kind: kind, size: size))); "
                    + "features must be float32 or float64 (X.astype(np.float32)) and names strings")
        }
    }

    private static func describe(kind: Unicode.Scalar, size: Int) -> String {
        // A hostile size must not overflow the "bits" arithmetic of a message.
        let bits = size <= 1 << 20 ? "\(size * 8)-bit" : "\(size)-byte"
        switch kind {
        case "f": return "\(bits) float"
        case "i": return "\(bits) integer"
        case "u": return "\(bits) unsigned integer"
        case "b": return "boolean"
        case "c": return "\(bits) complex"
        case "M", "m": return "date/time"
        case "V": return "raw bytes"
        default: return "kind '\(kind)'"
        }
    }
}

/// A problem with an `.npy` stream, before it is located in a file (and an `.npz` entry).
struct NPYFormatProblem: Error, Equatable {
    let message: String
    init(_ message: String) { self.message = message }
}
