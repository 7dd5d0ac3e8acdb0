import BlendFiles
import Foundation

/// Reads `.npy` streams (format 1.0, 2.0 and 3.0): 1-D and 2-D arrays of little-endian float32 or
/// float64 in C order, and 1-D arrays of fixed-width strings (`<U n`, `|S n`).
public enum NPYReader {
    /// Reads the `.npy` file at `url`.
    /// - Throws: `InputError` naming the file when it cannot be read or is not a supported array.
    public static func read(contentsOf url: URL) throws -> NPYArray {
        let file = url.relativePath
        try InputFile.checkRegular(url)
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw InputError(file: file, "cannot read the file: \(describeReadFailure(error, url: url))")
        }
        return try read(data, file: file)
    }

    /// Reads one `.npy` stream held in memory.
    /// - Parameters:
    ///   - file: the file to name in errors.
    ///   - entry: the `.npz` entry the stream came from, named in errors; nil for a plain `.npy`.
    /// - Throws: `InputError` for a stream that is corrupt, cut short or of an unsupported kind.
    public static func read(_ data: Data, file: String, entry: String? = nil) throws(InputError) -> NPYArray {
        let located: Result<NPYArray, NPYFormatProblem> = data.withUnsafeBytes { bytes in
            Result { () throws(NPYFormatProblem) -> NPYArray in try decode(bytes) }
        }
        switch located {
        case let .success(array): return array
        case let .failure(problem):
            throw InputError(file: file, entry.map { "entry '\($0)': " + problem.message } ?? problem.message)
        }
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer) throws(NPYFormatProblem) -> NPYArray {
        let header = try NPYHeader.parse(bytes)
        let shape = header.shape
        guard (1...2).contains(shape.count) else {
            throw NPYFormatProblem("the array has shape \(formatShape(shape)); blendscope reads 1-D and 2-D arrays")
        }
        if header.fortranOrder && shape.filter({ $0 > 1 }).count > 1 {
            throw NPYFormatProblem(
                "the array is stored in Fortran (column-major) order; save np.ascontiguousarray(X) instead")
        }
        let available = bytes.count - header.dataOffset
        guard available >= header.dataByteCount else {
            throw NPYFormatProblem(
                "the data is cut short: shape \(formatShape(shape)) of \(header.dataType.descr) needs "
                    + "\(header.dataByteCount) bytes after the header, but only \(available) follow")
        }
        // numpy's own reader ignores bytes past the array too.
        let payload = UnsafeRawBufferPointer(
            rebasing: bytes[header.dataOffset..<(header.dataOffset + header.dataByteCount)])
        let count = header.elementCount
        let elements: NPYArray.Elements
        switch header.dataType {
        case .float32:
            elements = .float32(littleEndianFloats(payload, count: count, as: Float.self))
        case .float64:
            elements = .float64(littleEndianFloats(payload, count: count, as: Double.self))
        case let .unicode(characters):
            elements = .strings(try NPYStrings.utf32(payload, count: count, characters: characters))
        case let .bytes(length):
            elements = .strings(try NPYStrings.utf8(payload, count: count, length: length))
        }
        return NPYArray(dataType: header.dataType, shape: shape, elements: elements)
    }

    /// One bulk copy: a 3,050 × 1,024 matrix must load in milliseconds, not element by element.
    private static func littleEndianFloats<T: LittleEndianFloat>(
        _ payload: UnsafeRawBufferPointer, count: Int, as type: T.Type
    ) -> [T] {
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: payload)
            initialized = count
        }
        #if _endian(big)
        return values.map(\.byteSwapped)
        #else
        return values
        #endif
    }
}

/// The float types an `.npy` holds, with the byte swap a big-endian host needs after a bulk copy.
private protocol LittleEndianFloat: BinaryFloatingPoint {
    var byteSwapped: Self { get }
}

extension Float: LittleEndianFloat {
    fileprivate var byteSwapped: Float { Float(bitPattern: bitPattern.byteSwapped) }
}

extension Double: LittleEndianFloat {
    fileprivate var byteSwapped: Double { Double(bitPattern: bitPattern.byteSwapped) }
}

/// Why Foundation could not read a file, in words for an error message.
func describeReadFailure(_ error: Error, url: URL) -> String {
    if !FileManager.default.fileExists(atPath: url.path) { return "no such file" }
    let nsError = error as NSError
    if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
       let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
        return String(cString: strerror(code.rawValue))
    }
    return nsError.localizedDescription
}
