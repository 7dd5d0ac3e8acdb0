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

    /// How deep containers may nest: numpy's header is a dict holding a tuple (two levels).
    static let maxDepth = 32

    /// Parses one literal that spans all of `text` (surrounding whitespace allowed). Iterative:
    /// the input decides the size of an explicit stack, never the depth of the call stack.
    /// - Throws: `PythonLiteralError` with a short reason and the byte offset.
    static func parse(_ text: String) throws(PythonLiteralError) -> PythonLiteral {
        var parser = Parser(bytes: Array(text.utf8))
        let value = try parser.document()
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

    /// An open container: what it holds so far, and for a dict the key waiting for its value.
    private struct Frame {
        enum Kind { case dict, tuple, list }
        let kind: Kind
        var items: [PythonLiteral] = []
        var pairs: [(key: PythonLiteral, value: PythonLiteral)] = []
        var pendingKey: PythonLiteral?

        var closing: UInt8 {
            switch kind {
            case .dict: return UInt8(ascii: "}")
            case .tuple: return UInt8(ascii: ")")
            case .list: return UInt8(ascii: "]")
            }
        }

        var literal: PythonLiteral {
            switch kind {
            case .dict: return .dict(pairs)
            case .tuple: return .tuple(items)
            case .list: return .list(items)
            }
        }
    }

    /// One whole literal: a loop over "expect a value, then hand it to the open container".
    mutating func document() throws(PythonLiteralError) -> PythonLiteral {
        var stack: [Frame] = []
        while true {
            skipSpace()
            guard let byte = bytes[safe: position] else { throw error("the header ends where a value should start") }
            var value: PythonLiteral
            if let top = stack.last, top.pendingKey == nil, byte == top.closing {
                // An empty container, or a trailing comma (numpy always writes one in the dict).
                position += 1
                value = top.literal
                stack.removeLast()
            } else {
                let opened: Frame.Kind?
                switch byte {
                case UInt8(ascii: "{"): opened = .dict
                case UInt8(ascii: "("): opened = .tuple
                case UInt8(ascii: "["): opened = .list
                default: opened = nil
                }
                if let opened {
                    guard stack.count < PythonLiteral.maxDepth else {
                        throw error("containers nest deeper than \(PythonLiteral.maxDepth) levels")
                    }
                    position += 1
                    stack.append(Frame(kind: opened))
                    continue
                }
                value = try scalar(byte)
            }
            // Hand the value up until a container wants another one.
            while true {
                guard var top = stack.popLast() else { return value }
                if top.kind == .dict && top.pendingKey == nil {
                    top.pendingKey = value
                    try expect(":")
                    stack.append(top)
                    break
                }
                if let key = top.pendingKey {
                    top.pairs.append((key, value))
                    top.pendingKey = nil
                } else {
                    top.items.append(value)
                }
                if take(",") {
                    stack.append(top)
                    break
                }
                skipSpace()
                guard bytes[safe: position] == top.closing else {
                    throw error("expected '\(Unicode.Scalar(top.closing))'")
                }
                position += 1
                value = top.literal
            }
        }
    }

    private mutating func scalar(_ byte: UInt8) throws(PythonLiteralError) -> PythonLiteral {
        switch byte {
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
