/// A table as a JSON array of objects, keys in column order (`pandas.read_json` reads it).
enum JSONExport {
    static func render(_ table: ExportTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.rows.map { row in
            "  {" + zip(table.columns, row).map { column, value in
                JSONText.string(column.key) + ": " + JSONText.value(value)
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }
}

/// JSON literals written by hand where key order or the look of numbers matters.
enum JSONText {
    static func value(_ v: ExportValue) -> String {
        switch v {
        case .text(let s): string(s)
        case .integer(let i): String(i)
        case .number(let x): x.isFinite ? x.description : "null"
        case .missing: "null"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped; other Unicode as is.
    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
