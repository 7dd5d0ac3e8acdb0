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
    /// name are errors.
    init(contentsOf url: URL) throws(InputError) {
        let name = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw InputError(file: name, "cannot read the file (\(Self.reason(error)))")
        }
        try self.init(bytes: [UInt8](data), file: name)
    }

    init(bytes: [UInt8], file: String) throws(InputError) {
        let records = try CSVReader.records(bytes, file: file)
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

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError {
            return underlying.localizedDescription
        }
        return ns.localizedDescription
    }
}
