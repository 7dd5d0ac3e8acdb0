/// The few Python literals an `.npy` header dict is written with (`repr` of a dict holding a
/// string or a list of field tuples, a bool, and a tuple of ints).
///
/// numpy reads the header with `ast.literal_eval`; this is the subset it writes, parsed without
/// evaluating anything.
enum PythonLiteral: Equatable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    case dict([(key: PythonLiteral, value: PythonLiteral)])

    static func == (lhs: PythonLiteral, rhs: PythonLiteral) -> Bool {
        switch (lhs, rhs) {
        case let (.string(a), .string(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case (.none, .none): return true
        case let (.tuple(a), .tuple(b)), let (.list(a), .list(b)): return a == b
        case let (.dict(a), .dict(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// The value for a string key of a dict literal; nil for other literals or a missing key.
    subscript(key: String) -> PythonLiteral? {
        guard case let .dict(pairs) = self else { return nil }
        return pairs.first { $0.key == .string(key) }?.value
    }

    /// Parses one literal that spans all of `text` (surrounding whitespace allowed).
    /// - Throws: `PythonLiteralError` with a short reason and the byte offset.
    static func parse(_ text: String) throws(PythonLiteralError) -> PythonLiteral {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.value()
        parser.skipSpace()
        guard parser.atEnd else { throw parser.error("unexpected text after the literal") }
        return value
    }
}

/// Why a header literal could not be parsed, and where (byte offset into the header text).
struct PythonLiteralError: Error, Equatable {
    let reason: String
    let offset: Int
}

private struct Parser {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    func error(_ reason: String) -> PythonLiteralError { PythonLiteralError(reason: reason, offset: position) }

    mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    mutating func value() throws(PythonLiteralError) -> PythonLiteral {
        skipSpace()
        guard let byte = bytes[safe: position] else { throw error("the header ends where a value should start") }
        switch byte {
        case UInt8(ascii: "{"): return try dict()
        case UInt8(ascii: "("): return try sequence(closing: ")", make: PythonLiteral.tuple)
        case UInt8(ascii: "["): return try sequence(closing: "]", make: PythonLiteral.list)
        case UInt8(ascii: "'"), UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
        default: return try keyword()
        }
    }

    private mutating func expect(_ character: Unicode.Scalar) throws(PythonLiteralError) {
        skipSpace()
        guard bytes[safe: position] == UInt8(ascii: character) else { throw error("expected '\(character)'") }
        position += 1
    }

    /// Consumes `character` if it comes next (after whitespace).
    private mutating func take(_ character: Unicode.Scalar) -> Bool {
        skipSpace()
        guard bytes[safe: position] == UInt8(ascii: character) else { return false }
        position += 1
        return true
    }

    private mutating func dict() throws(PythonLiteralError) -> PythonLiteral {
        try expect("{")
        var pairs: [(key: PythonLiteral, value: PythonLiteral)] = []
        while !take("}") {
            let key = try value()
            try expect(":")
            pairs.append((key, try value()))
            // Python allows a trailing comma, and numpy always writes one.
            if !take(",") { try expect("}"); break }
        }
        return .dict(pairs)
    }

    private mutating func sequence(
        closing: Unicode.Scalar, make: ([PythonLiteral]) -> PythonLiteral
    ) throws(PythonLiteralError) -> PythonLiteral {
        position += 1
        var items: [PythonLiteral] = []
        while !take(closing) {
            items.append(try value())
            if !take(",") { try expect(closing); break }
        }
        return make(items)
    }

    private mutating func string() throws(PythonLiteralError) -> String {
        let quote = bytes[position]
        position += 1
        var content: [UInt8] = []
        while let byte = bytes[safe: position], byte != quote {
            if byte == UInt8(ascii: "\\") {
                // Field names are the only strings that could hold escapes; keeping the escaped
                // byte is enough to recognise and reject such headers.
                position += 1
                guard let escaped = bytes[safe: position] else { break }
                content.append(escaped)
            } else {
                content.append(byte)
            }
            position += 1
        }
        guard bytes[safe: position] == quote else { throw error("unterminated string") }
        position += 1
        return String(decoding: content, as: UTF8.self)
    }

    private mutating func integer() throws(PythonLiteralError) -> Int {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        while let byte = bytes[safe: position], (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { position += 1 }
        let digits = String(decoding: bytes[start..<position], as: UTF8.self)
        // Python 2 numpy wrote long shapes as `(3L, 4L)`.
        if bytes[safe: position] == UInt8(ascii: "L") { position += 1 }
        guard let number = Int(digits) else {
            position = start
            throw error("'\(digits)' is not an integer that fits in 64 bits")
        }
        return number
    }

    private mutating func keyword() throws(PythonLiteralError) -> PythonLiteral {
        for (word, literal) in [("True", PythonLiteral.boolean(true)), ("False", .boolean(false)), ("None", .none)]
        where bytes[position...].starts(with: word.utf8) {
            position += word.utf8.count
            return literal
        }
        throw error("unexpected character '\(Unicode.Scalar(bytes[position]))'")
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
