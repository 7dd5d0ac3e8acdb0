import BlendFiles
import Foundation

/// A CSV file read whole: its header (names trimmed of surrounding spaces) and data records.
/// Importers look columns up by name, so their order in the file does not matter.
struct CSVTable: Sendable {
    /// How the input is named in errors: the path as the caller gave it.
    let file: String
    let header: [String]
    let headerLine: Int
    let rows: [CSVRecord]

    /// Reads `url`; an unreadable or empty file, a header-only file and a repeated column
    /// name are errors. The path must name a regular file (a directory, FIFO or device is
    /// refused before it is opened); the file is read in chunks and refused as soon as one
    /// record crosses `limits`.
    init(contentsOf url: URL, limits: CSVLimits = .standard) throws(InputError) {
        let name = url.relativePath
        let descriptor = try InputFile.open(url)
        defer { close(descriptor) }
        var parser = CSVParser(file: name, limits: limits)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var first = true
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                // The first chunk is read whole (up to EOF), so the byte-order mark is never split.
                var filled = 0
                while filled < buffer.count, let base = buffer.baseAddress {
                    let n = read(descriptor, base + filled, buffer.count - filled)
                    if n < 0 && errno == EINTR { continue }
                    guard n > 0 else { return n < 0 && filled == 0 ? -1 : filled }
                    filled += n
                    if !first { break }
                }
                return filled
            }
            guard count >= 0 else {
                throw InputError(file: name, "cannot read the file (\(String(cString: strerror(errno)).lowercased()))")
            }
            if count == 0 { break }
            let skip = first && chunk.starts(with: [0xEF, 0xBB, 0xBF]) && count >= 3 ? 3 : 0
            first = false
            try parser.feed(chunk[skip..<count])
        }
        try self.init(records: try parser.finish(), file: name)
    }

    init(bytes: [UInt8], file: String) throws(InputError) {
        try self.init(records: try CSVReader.records(bytes, file: file), file: file)
    }

    private init(records: [CSVRecord], file: String) throws(InputError) {
        guard let first = records.first else { throw InputError(file: file, "empty file (expected a header line)") }
        self.file = file
        self.header = first.fields.map(\.trimmingSpaces)
        self.headerLine = first.line
        self.rows = Array(records.dropFirst())
        var seen = Set<String>()
        for name in header {
            guard !name.isEmpty else { throw InputError(file: file, line: headerLine, "empty column name in the header") }
            guard seen.insert(name).inserted else {
                throw InputError(file: file, line: headerLine, "duplicate column '\(name)'")
            }
        }
        guard !rows.isEmpty else { throw InputError(file: file, "no data rows after the header") }
    }

    /// The position of column `name`, if the header has it.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The position of a column the file must have.
    func requireColumn(_ name: String, why: String = "") throws(InputError) -> Int {
        guard let c = column(name) else {
            throw InputError(file: file, line: headerLine, "missing column '\(name)'" + (why.isEmpty ? "" : " (\(why))"))
        }
        return c
    }

    /// Refuses any header name outside `allowed`.
    func rejectColumns(notIn allowed: [String]) throws(InputError) {
        if let extra = header.first(where: { !allowed.contains($0) }) {
            throw InputError(file: file, line: headerLine,
                             "unexpected column '\(extra)' (expected \(allowed.joined(separator: ", ")))")
        }
    }

    /// Checks that `record` has one field per header column.
    func checkWidth(_ record: CSVRecord) throws(InputError) {
        guard record.fields.count == header.count else {
            throw InputError(file: file, line: record.line,
                             "\(record.fields.count) fields, expected \(header.count) as in the header")
        }
    }

}
