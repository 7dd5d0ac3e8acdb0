import BlendCore

/// A table as a JSON array of objects, keys in column order (`pandas.read_json` reads it);
/// with a provenance, an object `{"provenance": {…}, "rows": [ … ]}`
/// (`pandas.DataFrame(json.load(f)["rows"])`).
enum JSONExport {
    static func render(_ table: ExportTable, _ options: ExportOptions = ExportOptions()) -> String {
        guard let provenance = options.provenance else { return rows(table, indent: "") + "\n" }
        return "{\n  \"provenance\": \(provenance.json),\n  \"rows\": \(rows(table, indent: "  "))\n}\n"
    }

    /// The array of row objects, each on its own line under `indent`.
    private static func rows(_ table: ExportTable, indent: String) -> String {
        guard !table.rows.isEmpty else { return "[]" }
        let objects = table.rows.map { row in
            indent + "  {" + zip(table.columns, row).map { column, value in
                JSONText.string(column.key) + ": " + JSONText.value(value)
            }.joined(separator: ", ") + "}"
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n" + indent + "]"
    }
}

/// JSON literals written by hand where key order or the look of numbers matters.
public enum JSONText {
    public static func value(_ v: ExportValue) -> String {
        switch v {
        case .text(let s), .figure(let s): string(s)
        case .integer(let i): String(i)
        case .number(let x): x.isFinite ? x.description : "null"
        case .missing: "null"
        }
    }

    /// A JSON string: quotes, backslashes, controls and bidi overrides escaped; other Unicode as is.
    public static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            // Controls, DEL, C1 and bidi overrides: escaped, so a terminal showing the file
            // obeys none of them (the reader gets the same string).
            case _ where SafeText.isUnsafe(scalar, keepingLineBreaks: false):
                out += SafeText.jsonEscape(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
