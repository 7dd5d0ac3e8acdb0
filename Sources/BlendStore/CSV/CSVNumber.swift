/// Strict decimal numbers for the importers: `[+-]digits[.digits][e[+-]digits]` after trimming
/// spaces. Hex, `nan`, `inf` and empty text are refused with a message that names the column,
/// so a NaN shows up as "not a finite number" rather than as a malformed one.
enum CSVNumber {
    enum Problem: Error, Equatable {
        case empty
        case malformed
        case notFinite
    }

    static func parse(_ raw: String) -> Result<Double, Problem> {
        let text = raw.trimmingSpaces
        guard !text.isEmpty else { return .failure(.empty) }
        guard isDecimal(text.utf8) else {
            let lower = text.lowercased()
            let bare = lower.hasPrefix("+") || lower.hasPrefix("-") ? String(lower.dropFirst()) : lower
            return ["nan", "inf", "infinity"].contains(bare) ? .failure(.notFinite) : .failure(.malformed)
        }
        guard let value = Double(text) else { return .failure(.malformed) }
        // Overflow such as 1e999 parses to ±inf.
        return value.isFinite ? .success(value) : .failure(.notFinite)
    }

    /// Parses field `index` of `record`, or throws an error naming the column.
    static func field(_ record: CSVRecord, _ index: Int, in table: CSVTable) throws(InputError) -> Double {
        let column = table.header[index]
        switch parse(record.fields[index]) {
        case .success(let v):
            return v
        case .failure(.empty):
            throw InputError(file: table.file, line: record.line, "empty value in column '\(column)'")
        case .failure(.malformed):
            throw InputError(file: table.file, line: record.line,
                             "malformed number '\(record.fields[index])' in column '\(column)'")
        case .failure(.notFinite):
            throw InputError(file: table.file, line: record.line,
                             "not a finite number: '\(record.fields[index].trimmingSpaces)' in column '\(column)'")
        }
    }

    private static func isDecimal(_ s: String.UTF8View) -> Bool {
        var it = s.makeIterator()
        var c = it.next()
        func isDigit(_ b: UInt8?) -> Bool { b.map { $0 >= 48 && $0 <= 57 } ?? false }
        if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
        var digits = 0
        while isDigit(c) { digits += 1; c = it.next() }
        if c == UInt8(ascii: ".") {
            c = it.next()
            while isDigit(c) { digits += 1; c = it.next() }
        }
        guard digits > 0 else { return false }
        if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            c = it.next()
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { c = it.next() }
            var expDigits = 0
            while isDigit(c) { expDigits += 1; c = it.next() }
            guard expDigits > 0 else { return false }
        }
        return c == nil
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs (CSV fields are otherwise raw).
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
