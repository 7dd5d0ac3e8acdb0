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
        /// Columns a verb's document has always held in a nested object of the row
        /// (`"own": {"alpha": …, "score": …}`), and further `ci` objects (`honest_ci`).
        public var groups: [Group]

        public init(ci: BootstrapSettings? = nil, ciOnlyWithIntervals: Bool = false, ciExtras: [String: ExportValue] = [:],
                    omitting: Set<String> = [], ciColumns: Set<String> = [], renaming: [String: String] = [:],
                    extras: [RowExtras] = [], groups: [Group] = []) {
            self.ci = ci
            self.ciOnlyWithIntervals = ciOnlyWithIntervals
            self.ciExtras = ciExtras
            self.omitting = omitting
            self.ciColumns = ciColumns
            self.renaming = renaming
            self.extras = extras
            self.groups = groups
        }
    }

    /// A nested object of every row: the columns it takes, each under its key inside the object
    /// (`honest_score` → `score`). A `ci` group is one more `ci` object: the bootstrap's level,
    /// replicates and seed, `ciExtras`, `ciColumns`, and the intervals of the columns it takes.
    public struct Group: Sendable {
        public var key: String
        public var columns: [String: String]
        public var isCI: Bool

        public init(_ key: String, _ columns: [String: String], ci: Bool = false) {
            self.key = key
            self.columns = columns
            self.isCI = ci
        }

        /// The same key inside the object as the column's (`alpha` → `alpha`).
        public init(_ key: String, same columns: [String], ci: Bool = false) {
            self.init(key, Dictionary(uniqueKeysWithValues: columns.map { ($0, $0) }), ci: ci)
        }
    }

    /// Fields of one row beside its report columns.
    public struct RowExtras: Sendable {
        public var fields: [String: Extra]
        public var ci: [String: Extra]
        /// Fields of a group's object (by the group's key) that no column has.
        public var groups: [String: [String: Extra]]

        public init(fields: [String: Extra] = [:], ci: [String: Extra] = [:], groups: [String: [String: Extra]] = [:]) {
            self.fields = fields
            self.ci = ci
            self.groups = groups
        }
    }

    /// One extra field: a report value, a yes/no no report column holds (absent when nil), or
    /// a value no report cell can hold (a list of tags, an interval, a core value encoded whole).
    public enum Extra: Sendable {
        case value(ExportValue)
        case flag(Bool?)
        case encoded(any Encodable & Sendable)
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
            // Column key → (group, key inside it), for the plain groups and for the `ci` groups.
            var inGroup = [String: (group: String, key: String)](), inCIGroup = inGroup
            for g in shape.groups {
                for (column, key) in g.columns {
                    if g.isCI { inCIGroup[column] = (g.key, key) } else { inGroup[column] = (g.key, key) }
                }
            }
            var grouped = [String: [String: Extra]]()
            for (column, v) in zip(columns, values)
            where !bounds.contains(column.key) && !shape.omitting.contains(column.key) && !shape.ciColumns.contains(column.key) {
                if let place = inGroup[column.key] {
                    grouped[place.group, default: [:]][place.key] = .value(v)
                    continue
                }
                let key = shape.renaming[column.key] ?? column.key
                if extras.fields[key] == nil { try Self.encode(.value(v), forKey: Key(key), in: &c) }
            }
            for (key, v) in extras.fields { try Self.encode(v, forKey: Key(key), in: &c) }
            var intervals = [String: [(String, Interval)]]()
            for key in bounded.subtracting(shape.omitting) {
                guard case .number(let lo) = value[key + "_lo"], case .number(let hi) = value[key + "_hi"] else { continue }
                let place = inCIGroup[key] ?? ("ci", shape.renaming[key] ?? key)
                intervals[place.group, default: []].append((place.key, Interval(lo, hi)))
            }
            for g in shape.groups where !g.isCI {
                let fields = grouped[g.key, default: [:]].merging(extras.groups[g.key] ?? [:]) { _, extra in extra }
                var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key(g.key))
                for (key, v) in fields { try Self.encode(v, forKey: Key(key), in: &nested) }
            }
            guard let ci = shape.ci else { return }
            for (object, rowExtras) in [("ci", extras.ci)] + shape.groups.filter(\.isCI).map({ ($0.key, extras.groups[$0.key] ?? [:]) }) {
                let found = intervals[object] ?? []
                if shape.ciOnlyWithIntervals && found.isEmpty { continue }
                var nested = c.nestedContainer(keyedBy: Key.self, forKey: Key(object))
                try nested.encode(ci.level, forKey: Key("level"))
                try nested.encode(ci.replicates, forKey: Key("replicates"))
                try nested.encode(ci.seed, forKey: Key("seed"))
                for (key, v) in shape.ciExtras { try Self.encode(.value(v), forKey: Key(key), in: &nested) }
                for key in shape.ciColumns {
                    if let v = value[key] { try Self.encode(.value(v), forKey: Key(shape.renaming[key] ?? key), in: &nested) }
                }
                for (key, interval) in found { try nested.encode(interval, forKey: Key(key)) }
                for (key, v) in rowExtras { try Self.encode(v, forKey: Key(key), in: &nested) }
            }
        }

        static func encode(_ v: Extra, forKey key: Key, in c: inout KeyedEncodingContainer<Key>) throws {
            switch v {
            case .value(.text(let s)), .value(.figure(let s)): try c.encode(s, forKey: key)
            case .value(.integer(let i)): try c.encode(i, forKey: key)
            case .value(.number(let x)): try c.encode(x, forKey: key)
            case .value(.missing), .flag(nil): break
            case .flag(let b?): try c.encode(b, forKey: key)
            case .encoded(let value): try c.encode(value, forKey: key)
            }
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for i in table.rows.indices { try c.encode(row(i)) }
    }
}
