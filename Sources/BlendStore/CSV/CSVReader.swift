/// One CSV record with the 1-based line on which it starts (a quoted field may span lines).
struct CSVRecord: Equatable, Sendable {
    let line: Int
    let fields: [String]
}

/// A small RFC 4180 reader: quoted fields with `""` escapes and embedded separators or line
/// breaks, LF, CRLF or lone CR line ends, an optional UTF-8 byte-order mark, an optional final
/// line break. Lines with no characters at all are skipped (they carry no record); their
/// numbers still count, so every error points at the line a text editor shows.
enum CSVReader {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Splits `bytes` into records; `file` only names the input in errors.
    static func records(_ bytes: [UInt8], file: String) throws(InputError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1
        var recordLine = 1
        var i = 0
        let n = bytes.count
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }

        func finishField() throws(InputError) {
            guard let text = String(validating: field, as: UTF8.self) else {
                throw InputError(file: file, line: line, "not valid UTF-8 text")
            }
            fields.append(text)
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            // A line with no characters yields one empty field: no record at all.
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }
        /// Consumes a line break at `i` (CRLF counts once) and returns whether there was one.
        func consumeLineBreak() -> Bool {
            if bytes[i] == lf { i += 1; line += 1; return true }
            if bytes[i] == cr {
                i += 1
                if i < n, bytes[i] == lf { i += 1 }
                line += 1
                return true
            }
            return false
        }

        var atFieldStart = true
        while i < n {
            let b = bytes[i]
            if atFieldStart && b == quote {
                let openedOn = line
                i += 1
                var closed = false
                while i < n {
                    if bytes[i] == quote {
                        if i + 1 < n, bytes[i + 1] == quote {
                            field.append(quote)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if bytes[i] == lf || bytes[i] == cr {
                        // Line breaks inside quotes belong to the field, normalised to LF.
                        _ = consumeLineBreak()
                        field.append(lf)
                        continue
                    }
                    field.append(bytes[i])
                    i += 1
                }
                guard closed else {
                    throw InputError(file: file, line: openedOn, "quoted field is never closed")
                }
                if i < n, bytes[i] != comma, bytes[i] != lf, bytes[i] != cr {
                    throw InputError(file: file, line: line, "unexpected character after a closing quote")
                }
                atFieldStart = false
                continue
            }
            if b == comma {
                try finishField()
                atFieldStart = true
                i += 1
                continue
            }
            if b == lf || b == cr {
                try finishField()
                _ = consumeLineBreak()
                finishRecord()
                recordLine = line
                atFieldStart = true
                continue
            }
            if b == quote {
                throw InputError(file: file, line: line,
                                 "quote inside an unquoted field (quote the whole field and double inner quotes)")
            }
            field.append(b)
            atFieldStart = false
            i += 1
        }
        // The last record when the file does not end with a line break.
        if !fields.isEmpty || !field.isEmpty || !atFieldStart {
            try finishField()
            finishRecord()
        }
        return records
    }
}
