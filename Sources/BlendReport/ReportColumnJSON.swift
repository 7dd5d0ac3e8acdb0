import BlendCore

/// One column of a report as an object keyed by a text column, for documents that have always
/// held a report turned on its side: `compare --json`'s `delta` is the `compare` report's
/// `delta` column keyed by its `metric` column (`{"acc_presence": …, "score": …}`). With
/// `bounds`, each key gets the column's interval `[lo, hi]` (its `K_lo`, `K_hi` columns);
/// `extras` are further fields the report has no row for.
public struct ReportColumnJSON: Encodable, Sendable {
    public let table: ExportTable
    public let keyedBy: String
    public let column: String
    public let bounds: Bool
    public let extras: [String: ExportValue]

    public init(_ table: ExportTable, _ column: String, keyedBy: String, bounds: Bool = false,
                extras: [String: ExportValue] = [:]) {
        self.table = table
        self.column = column
        self.keyedBy = keyedBy
        self.bounds = bounds
        self.extras = extras
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: ReportRowsJSON.Key.self)
        let index = Dictionary(table.columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        guard let keyIndex = index[keyedBy] else { return }
        for row in table.rows {
            guard case .text(let key) = row[keyIndex] else { continue }
            if bounds {
                guard let lo = index[column + "_lo"], let hi = index[column + "_hi"],
                      case .number(let l) = row[lo], case .number(let h) = row[hi] else { continue }
                try c.encode(Interval(l, h), forKey: .init(key))
            } else if let i = index[column] {
                try ReportRowsJSON.Row.encode(.value(row[i]), forKey: .init(key), in: &c)
            }
        }
        for (key, v) in extras { try ReportRowsJSON.Row.encode(.value(v), forKey: .init(key), in: &c) }
    }
}
