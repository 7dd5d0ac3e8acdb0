import BlendCore

/// A report's rows as the CLI's `--json` documents hold them: one object per row keyed by the
/// column keys, numbers as numbers, missing values left out, and every interval (columns
/// `K_lo`, `K_hi`) moved into the row's `ci` object as `"K": [lo, hi]` beside what the
/// verb says about the resampling (`level`, `replicates`, `seed`, …). Encoded by the CLI's
/// `JSONEncoder`, so the documents keep the keys and number spellings scripts read today.
public struct ReportRowsJSON: Encodable, Sendable {
    public let table: ExportTable
    /// The bootstrap each row's `ci` object names beside the intervals; no `ci` when nil.
    public let ci: BootstrapSettings?
    /// Further fields of every `ci` object (`resampled`, `units`).
    public let ciExtras: [String: ExportValue]
    /// Columns a verb's document never held (kept for the text table or the export only).
    public let omitting: Set<String>

    public init(_ table: ExportTable, ci: BootstrapSettings? = nil, ciExtras: [String: ExportValue] = [:],
                omitting: Set<String> = []) {
        self.table = table
        self.ci = ci
        self.ciExtras = ciExtras
        self.omitting = omitting
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One row.
    struct Row: Encodable {
        let columns: [ExportColumn]
        let values: [ExportValue]
        let ci: BootstrapSettings?
        let ciExtras: [String: ExportValue]
        let omitting: Set<String>

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            let keys = Set(columns.map(\.key))
            let bounded = Set(columns.map(\.key).filter { keys.contains($0 + "_lo") && keys.contains($0 + "_hi") })
            let bounds = Set(bounded.flatMap { [$0 + "_lo", $0 + "_hi"] })
            var value = [String: ExportValue]()
            for (column, v) in zip(columns, values) { value[column.key] = v }
            for (column, v) in zip(columns, values) where !bounds.contains(column.key) && !omitting.contains(column.key) {
                try Self.encode(v, forKey: Key(column.key), in: &c)
            }
            guard let ci else { return }
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("ci"))
            try nested.encode(ci.level, forKey: Key("level"))
            try nested.encode(ci.replicates, forKey: Key("replicates"))
            try nested.encode(ci.seed, forKey: Key("seed"))
            for (key, v) in ciExtras { try Self.encode(v, forKey: Key(key), in: &nested) }
            for key in bounded {
                guard case .number(let lo) = value[key + "_lo"], case .number(let hi) = value[key + "_hi"] else { continue }
                try nested.encode(Interval(lo, hi), forKey: Key(key))
            }
        }

        static func encode(_ v: ExportValue, forKey key: Key, in c: inout KeyedEncodingContainer<Key>) throws {
            switch v {
            case .text(let s), .figure(let s): try c.encode(s, forKey: key)
            case .integer(let i): try c.encode(i, forKey: key)
            case .number(let x): try c.encode(x, forKey: key)
            case .missing: break
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for row in table.rows {
            try c.encode(Row(columns: table.columns, values: row, ci: ci, ciExtras: ciExtras, omitting: omitting))
        }
    }
}
