/// One CSV record with the 1-based line on which it starts (a quoted field may span lines).
struct CSVRecord: Equatable, Sendable {
    let line: Int
    let fields: [String]
}

/// How large one CSV record may be, so a file of one endless line (or `/dev/zero` behind a
/// symbolic link, or a binary file named `.csv`) is refused after a megabyte, not read whole.
struct CSVLimits: Equatable, Sendable {
    /// Bytes in one record: a line, or several joined by line breaks inside quotes.
    let recordBytes: Int
    /// Bytes in one field.
    let fieldBytes: Int
    /// Fields in one record.
    let columns: Int

    /// Metadata, probabilities: 1 MiB a line, 64 KiB a field, 1,024 columns.
    static let standard = CSVLimits(recordBytes: 1 << 20, fieldBytes: 1 << 16, columns: 1_024)
    /// Feature CSVs are wide (7,168 columns of full-precision floats is ~180 KB a line):
    /// 16 MiB a line, 64 KiB a field, 65,536 columns.
    static let features = CSVLimits(recordBytes: 16 << 20, fieldBytes: 1 << 16, columns: 65_536)

    /// "1 MiB", "64 KiB" for messages.
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 && bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10 && bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

/// A small RFC 4180 reader: quoted fields with `""` escapes and embedded separators or line
/// breaks, LF, CRLF or lone CR line ends, an optional UTF-8 byte-order mark, an optional final
/// line break. Lines with no characters at all are skipped (they carry no record); their
/// numbers still count, so every error points at the line a text editor shows.
///
/// It is fed chunk by chunk (`CSVParser`), so a record over the limits is refused as soon as it
/// crosses them, with its line, whatever the file's size.
enum CSVReader {
    /// Splits `bytes` into records; `file` only names the input in errors.
    static func records(_ bytes: [UInt8], file: String, limits: CSVLimits = .standard) throws(InputError) -> [CSVRecord] {
        var parser = CSVParser(file: file, limits: limits)
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try parser.feed(bytes[start...])
        return try parser.finish()
    }
}

/// The reader's state between chunks.
struct CSVParser {
    private enum State {
        /// At the start of a field: a quote here opens a quoted field.
        case fieldStart
        case unquoted
        case quoted
        /// A quote inside a quoted field: a second quote is a literal one, anything else ends the field.
        case quoteInQuoted
    }

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    let file: String
    let limits: CSVLimits
    private(set) var records: [CSVRecord] = []
    private var fields: [String] = []
    private var field: [UInt8] = []
    private var state = State.fieldStart
    private var line = 1
    private var recordLine = 1
    private var quotedSince = 1
    private var recordBytes = 0
    /// A CR ended the last line: an LF right after it belongs to the same line break.
    private var skipLF = false

    init(file: String, limits: CSVLimits) {
        self.file = file
        self.limits = limits
    }

    /// Feeds the next bytes of the file (withUnsafeBytes' closures cannot throw a typed error,
    /// so callers hand over a collection).
    mutating func feed<Bytes: Collection<UInt8>>(_ chunk: Bytes) throws(InputError) {
        for b in chunk {
            if skipLF {
                skipLF = false
                if b == Self.lf { continue }
            }
            recordBytes += 1
            if recordBytes > limits.recordBytes {
                throw InputError(
                    file: file, line: recordLine,
                    "line longer than \(CSVLimits.describe(limits.recordBytes)) (\(limits.recordBytes) bytes), the most one CSV "
                        + "record may hold; is this a CSV file?")
            }
            switch state {
            case .fieldStart where b == Self.quote:
                quotedSince = line
                state = .quoted
            case .fieldStart, .unquoted:
                if b == Self.comma {
                    try finishField()
                    state = .fieldStart
                } else if b == Self.lf || b == Self.cr {
                    try endLine(b)
                } else if b == Self.quote {
                    throw InputError(file: file, line: line,
                                     "quote inside an unquoted field (quote the whole field and double inner quotes)")
                } else {
                    try append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == Self.quote {
                    state = .quoteInQuoted
                } else if b == Self.lf || b == Self.cr {
                    // Line breaks inside quotes belong to the field, normalised to LF.
                    line += 1
                    skipLF = b == Self.cr
                    try append(Self.lf)
                } else {
                    try append(b)
                }
            case .quoteInQuoted:
                if b == Self.quote {
                    try append(Self.quote)
                    state = .quoted
                } else if b == Self.comma {
                    try finishField()
                    state = .fieldStart
                } else if b == Self.lf || b == Self.cr {
                    try endLine(b)
                } else {
                    throw InputError(file: file, line: line, "unexpected character after a closing quote")
                }
            }
        }
    }

    /// The records, after the last chunk.
    mutating func finish() throws(InputError) -> [CSVRecord] {
        switch state {
        case .quoted:
            throw InputError(file: file, line: quotedSince, "quoted field is never closed")
        case .unquoted, .quoteInQuoted:
            try finishField()
            finishRecord()
        case .fieldStart:
            // "a," at the very end still has an empty last field.
            if !fields.isEmpty {
                try finishField()
                finishRecord()
            }
        }
        return records
    }

    private mutating func append(_ byte: UInt8) throws(InputError) {
        guard field.count < limits.fieldBytes else {
            throw InputError(
                file: file, line: line,
                "field \(fields.count + 1) is longer than \(CSVLimits.describe(limits.fieldBytes)) "
                    + "(\(limits.fieldBytes) bytes), the most one CSV field may hold")
        }
        field.append(byte)
    }

    private mutating func endLine(_ byte: UInt8) throws(InputError) {
        try finishField()
        line += 1
        skipLF = byte == Self.cr
        finishRecord()
        recordLine = line
        recordBytes = 0
        state = .fieldStart
    }

    private mutating func finishField() throws(InputError) {
        guard fields.count < limits.columns else {
            throw InputError(file: file, line: recordLine,
                             "more than \(limits.columns) fields on one line, the most a CSV record may hold")
        }
        guard let text = String(validating: field, as: UTF8.self) else {
            throw InputError(file: file, line: line, "not valid UTF-8 text")
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
    }

    private mutating func finishRecord() {
        // A line with no characters yields one empty field: no record at all.
        if !(fields.count == 1 && fields[0].isEmpty) {
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        fields.removeAll(keepingCapacity: true)
    }
}
