/// One column of a verb's view of a report: which report column, under which header, and
/// which part of it.
public struct ViewColumn: Sendable {
    public enum Part: Hashable, Sendable {
        /// The value, with its interval folded in when the report has one (`.207 [.188, .226]`).
        case value
        /// The value alone.
        case point
        /// The interval alone (`[0.0500, 0.1447]`), `–` without one.
        case interval
        /// A count as a whole percentage of the count in column `key` (`42%`), `–` of none.
        case percent(of: String)
        /// A count over the count in column `key` (`3/12`).
        case ratio(of: String)
        /// The cell, a space and column `key`'s cell in the CLI's style (`hap .412`).
        case followed(by: String)
    }

    public let key: String
    public let header: String
    public let part: Part
    /// Whether the column lines up on the left whatever it holds.
    public let left: Bool

    public init(_ key: String, _ header: String, _ part: Part = .value, left: Bool = false) {
        self.key = key
        self.header = header
        self.part = part
        self.left = left
    }
}

/// One verb's view of a report: some of its columns under the headers that verb has always
/// printed, some of its rows. The numbers stay the report's, so the text table and every
/// export show the same digits.
extension ExportTable {
    /// The columns named by `columns` (key → header), in that order, each with its interval
    /// when the report has one; the rows at `rows` (all when nil).
    public func projected(_ columns: KeyValuePairs<String, String>, rows range: Range<Int>? = nil) -> ExportTable {
        projected(columns.map { ViewColumn($0.key, $0.value) }, rows: range)
    }

    /// The `columns` in that order; the rows at `rows` (all when nil). A key the report lacks
    /// is a programming error. An `.interval` column is text in the CLI's style, for
    /// `TextTable`.
    public func projected(_ columns: [ViewColumn], rows range: Range<Int>? = nil) -> ExportTable {
        let position = Dictionary(self.columns.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
        func index(_ key: String) -> Int {
            guard let i = position[key] else { preconditionFailure("report \(name) has no column \(key)") }
            return i
        }
        var picked = [(value: ([ExportValue]) -> ExportValue, column: ExportColumn)]()
        var bounds = [(value: ([ExportValue]) -> ExportValue, column: ExportColumn)]()
        for c in columns {
            let i = index(c.key), kind = self.columns[i].kind
            let (lo, hi) = (position[c.key + "_lo"], position[c.key + "_hi"])
            switch c.part {
            case .value, .point:
                picked.append(({ $0[i] }, ExportColumn(c.key, c.header, kind)))
                guard c.part == .value, let lo, let hi else { continue }
                bounds.append(({ $0[lo] }, self.columns[lo]))
                bounds.append(({ $0[hi] }, self.columns[hi]))
            case .percent(let total), .ratio(let total):
                let t = index(total), percent = if case .percent = c.part { true } else { false }
                picked.append(({ row in
                    guard case .integer(let n) = row[i], case .integer(let d) = row[t] else { return .missing }
                    if !percent { return .figure("\(n)/\(d)") }
                    return d == 0 ? .missing : .figure("\(Int((Double(n) / Double(d) * 100).rounded()))%")
                }, ExportColumn(c.key + "_of_" + total, c.header, .count)))
            case .followed(let other):
                let o = index(other), places = self.columns[o].kind.places
                picked.append(({ row in
                    let second = if case .number(let x) = row[o] { ReportText.short(x, places) } else { row[o].fullPrecision ?? "–" }
                    return .figure((row[i].fullPrecision ?? "–") + " " + second)
                }, ExportColumn(c.key + "_" + other, c.header, kind)))
            case .interval:
                let places = kind.places
                picked.append(({ row in
                    guard let lo, let hi, case .number(let l) = row[lo], case .number(let h) = row[hi] else { return .missing }
                    return .figure("[\(ReportText.short(l, places)), \(ReportText.short(h, places))]")
                }, ExportColumn(c.key + "_interval", c.header, kind)))
            }
        }
        // `left`: the same cells as text, so TextTable lines them up on the left.
        for (p, c) in zip(picked.indices, columns) where c.left {
            picked[p].column = ExportColumn(picked[p].column.key, c.header, .text)
        }
        let all = picked + bounds
        let rows = Array(self.rows[range ?? self.rows.indices]).map { row in all.map { $0.value(row) } }
        return ExportTable(name: name, title: title, columns: all.map(\.column), rows: rows)
    }
}
