import BlendCore

/// A report's rows as the CLI's `--json` documents hold them: one object per row keyed by the
/// column keys, numbers as numbers, missing values left out, and every interval (columns
/// `K_lo`, `K_hi`) moved into the row's `ci` object as `"K": [lo, hi]` beside what the
/// verb says about the resampling (`level`, `replicates`, `seed`, …). Encoded by the CLI's
/// `JSONEncoder`, so the documents keep the keys and number spellings scripts read today.
public struct ReportRowsJSON: Encodable, Sendable {
    public let table: ExportTable
    public let shape: Shape

    /// How a verb's document differs from the report's columns; empty: the columns as they are.
    public struct Shape: Sendable {
        /// The bootstrap each row's `ci` object names beside the intervals; no `ci` when nil.
        public var ci: BootstrapSettings?
        /// Whether a row without any interval (an empty bin) has no `ci` object either.
        public var ciOnlyWithIntervals: Bool
        /// Further fields of every `ci` object.
        public var ciExtras: [String: ExportValue]
        /// Columns a verb's document never held (kept for the text table or the export only).
        public var omitting: Set<String>
        /// Columns whose values go into the row's `ci` object rather than the row (what one
        /// row's replicates resample: `resampled`, `units`).
        public var ciColumns: Set<String>
        /// Column key → the key the verb's document has always used for it (`beta_distance`
        /// → `distance`).
        public var renaming: [String: String]
        /// Per row, fields the document holds that no report column has (a sentence the text
        /// shows elsewhere), and fields of its `ci` object. A field named like a column's
        /// document key stands in its place (a share the report leaves out where it is of nothing).
        public var extras: [RowExtras]

        public init(ci: BootstrapSettings? = nil, ciOnlyWithIntervals: Bool = false, ciExtras: [String: ExportValue] = [:],
                    omitting: Set<String> = [], ciColumns: Set<String> = [], renaming: [String: String] = [:],
                    extras: [RowExtras] = []) {
            self.ci = ci
            self.ciOnlyWithIntervals = ciOnlyWithIntervals
            self.ciExtras = ciExtras
            self.omitting = omitting
            self.ciColumns = ciColumns
            self.renaming = renaming
            self.extras = extras
        }
    }

    /// Fields of one row beside its report columns.
    public struct RowExtras: Sendable {
        public var fields: [String: Extra]
        public var ci: [String: Extra]

        public init(fields: [String: Extra] = [:], ci: [String: Extra] = [:]) {
            self.fields = fields
            self.ci = ci
        }
    }

    /// One extra field: a report value, or a yes/no no report column holds (absent when nil).
    public enum Extra: Sendable {
        case value(ExportValue)
        case flag(Bool?)
    }

    public init(_ table: ExportTable, _ shape: Shape = Shape()) {
        self.table = table
        self.shape = shape
    }

    public init(_ table: ExportTable, ci: BootstrapSettings?, ciExtras: [String: ExportValue] = [:],
                omitting: Set<String> = [], ciColumns: Set<String> = []) {
        self.init(table, Shape(ci: ci, ciExtras: ciExtras, omitting: omitting, ciColumns: ciColumns))
    }

    /// Row `i` alone, for a document that nests one row in a larger object.
    public func row(_ i: Int) -> Row {
        Row(columns: table.columns, values: table.rows[i], shape: shape,
            extras: shape.extras.indices.contains(i) ? shape.extras[i] : RowExtras())
    }

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ s: String) { stringValue = s }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// One row.
    public struct Row: Encodable, Sendable {
        let columns: [ExportColumn]
        let values: [ExportValue]
        let shape: Shape
        let extras: RowExtras

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            let keys = Set(columns.map(\.key))
            let bounded = Set(columns.map(\.key).filter { keys.contains($0 + "_lo") && keys.contains($0 + "_hi") })
            let bounds = Set(bounded.flatMap { [$0 + "_lo", $0 + "_hi"] })
            var value = [String: ExportValue]()
            for (column, v) in zip(columns, values) { value[column.key] = v }
            for (column, v) in zip(columns, values)
            where !bounds.contains(column.key) && !shape.omitting.contains(column.key) && !shape.ciColumns.contains(column.key) {
                let key = shape.renaming[column.key] ?? column.key
                if extras.fields[key] == nil { try Self.encode(.value(v), forKey: Key(key), in: &c) }
            }
            for (key, v) in extras.fields { try Self.encode(v, forKey: Key(key), in: &c) }
            let intervals = bounded.subtracting(shape.omitting).compactMap { key -> (String, Interval)? in
                guard case .number(let lo) = value[key + "_lo"], case .number(let hi) = value[key + "_hi"] else { return nil }
                return (shape.renaming[key] ?? key, Interval(lo, hi))
            }
            guard let ci = shape.ci, !(shape.ciOnlyWithIntervals && intervals.isEmpty) else { return }
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key("ci"))
            try nested.encode(ci.level, forKey: Key("level"))
            try nested.encode(ci.replicates, forKey: Key("replicates"))
            try nested.encode(ci.seed, forKey: Key("seed"))
            for (key, v) in shape.ciExtras { try Self.encode(.value(v), forKey: Key(key), in: &nested) }
            for key in shape.ciColumns { if let v = value[key] { try Self.encode(.value(v), forKey: Key(key), in: &nested) } }
            for (key, v) in extras.ci { try Self.encode(v, forKey: Key(key), in: &nested) }
            for (key, interval) in intervals { try nested.encode(interval, forKey: Key(key)) }
        }

        static func encode(_ v: Extra, forKey key: Key, in c: inout KeyedEncodingContainer<Key>) throws {
            switch v {
            case .value(.text(let s)), .value(.figure(let s)): try c.encode(s, forKey: key)
            case .value(.integer(let i)): try c.encode(i, forKey: key)
            case .value(.number(let x)): try c.encode(x, forKey: key)
            case .value(.missing), .flag(nil): break
            case .flag(let b?): try c.encode(b, forKey: key)
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for i in table.rows.indices { try c.encode(row(i)) }
    }
}
