import BlendCore
import BlendFiles
import Foundation

/// Clip names for the rows of a feature matrix: the `filenames` array of an `.npz`, or a names
/// file beside a plain `.npy` (one name per line, or an `.npy` of strings).
enum FeatureNames {
    /// A names text file is read whole: 64 MiB holds a million names with room to spare.
    static let maxTextBytes = 64 << 20
    /// One name, as one CSV field: 64 KiB.
    static let maxNameBytes = 64 << 10

    /// Reads a names file: an `.npy` string array, or UTF-8 text with one name per line.
    static func read(url: URL) throws -> [String] {
        let file = url.relativePath
        if url.pathExtension.lowercased() == "npy" {
            return try fromArray(NPYReader.read(contentsOf: url), file: file, arrayName: "the names array")
        }
        let size = try InputFile.checkRegular(url)
        guard size <= maxTextBytes else {
            throw InputError(
                file: file, "the names file is \(size) bytes; blendscope reads names files of at most \(maxTextBytes >> 20) MiB")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(file: file, "cannot read the file: \(describeReadFailure(error, url: url))")
        }
        return try fromText(data, file: file)
    }

    /// The names held by a 1-D string array, checked: none empty, none repeated, none with a
    /// character `TextRules` forbids (their shape is checked when they are matched to clips).
    /// Errors carry the 1-based row as their line.
    static func fromArray(_ array: NPYArray, file: String, arrayName: String) throws(InputError) -> [String] {
        guard case let .strings(names) = array.elements else {
            throw InputError(
                file: file,
                "\(arrayName) holds \(array.dataType.descr) numbers; expected clip names as a str array (np.array(names, dtype=str))")
        }
        guard array.shape.count == 1 else {
            throw InputError(file: file, "\(arrayName) has shape \(array.shapeDescription); expected a 1-D array of clip names")
        }
        var firstRow: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            let row = index + 1
            if name.allSatisfy(\.isWhitespace) {
                throw InputError(file: file, line: row, "row \(row): \(arrayName)[\(index)] is an empty clip name")
            }
            try TextRules.check(name, as: "row \(row): clip name") { InputError(file: file, line: row, $0) }
            if let earlier = firstRow.updateValue(row, forKey: name) {
                throw InputError(file: file, line: row, "row \(row): clip name '\(name)' repeats row \(earlier)")
            }
        }
        return names
    }

    /// One name per line, surrounding spaces ignored, no character `TextRules` forbids; blank lines at the end are ignored, blank
    /// lines between names are errors (skipping them would shift every later row).
    static func fromText(_ data: Data, file: String) throws(InputError) -> [String] {
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputError(file: file, line: firstLineNotUTF8(data), "the names file is not UTF-8 text")
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // Splitting on Characters keeps "\r\n" one separator (it is a single Character in Swift).
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard !lines.isEmpty else { throw InputError(file: file, "the names file holds no clip names") }
        var firstLine: [String: Int] = [:]
        for (index, name) in lines.enumerated() {
            let line = index + 1
            if name.isEmpty { throw InputError(file: file, line: line, "blank line; write one clip name per line") }
            try TextRules.check(name, as: "clip name") { InputError(file: file, line: line, $0) }
            if name.utf8.count > maxNameBytes {
                throw InputError(file: file, line: line, "a clip name longer than \(maxNameBytes >> 10) KiB; write one clip name per line")
            }
            if let earlier = firstLine.updateValue(line, forKey: name) {
                throw InputError(file: file, line: line, "clip name '\(name)' repeats line \(earlier)")
            }
        }
        return lines
    }

    /// The 1-based line holding the first byte sequence that is not UTF-8, to point at it.
    private static func firstLineNotUTF8(_ data: Data) -> Int? {
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where String(validating: line, as: UTF8.self) == nil {
            return index + 1
        }
        return nil
    }
}
