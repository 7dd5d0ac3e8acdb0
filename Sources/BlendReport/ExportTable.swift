/// One cell of an exported table.
public enum ExportValue: Hashable, Sendable {
    /// Written as is (quoted or escaped as each format needs).
    case text(String)
    /// Written without a decimal point.
    case integer(Int)
    /// Written in full precision to CSV and JSON, rounded to the column's places in Markdown
    /// and LaTeX. A non-finite number is written as missing.
    case number(Double)
    /// An empty CSV field, `null` in JSON, `–` in Markdown and LaTeX.
    case missing
    /// Text blendscope composed from numbers (an interval, `.207 [.188, .226]`): written as is,
    /// never escaped, since nothing from a file or a user is in it.
    case figure(String)
}

/// A column: a machine key (CSV header, JSON key) and a title for people (Markdown, LaTeX).
public struct ExportColumn: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        case integer
        /// Decimal places shown in Markdown and LaTeX.
        case number(places: Int)
    }

    /// snake_case or a label-set name (`ang+hap`): what pandas and scripts index by.
    public let key: String
    public let title: String
    public let kind: Kind

    /// A column whose title defaults to its key.
    public init(_ key: String, _ title: String? = nil, _ kind: Kind) {
        self.key = key
        self.title = title ?? key
        self.kind = kind
    }

    /// Numbers line up on the right in Markdown and LaTeX.
    public var isNumeric: Bool {
        if case .text = kind { return false }
        return true
    }
}

/// A rectangular table ready for any export format.
public struct ExportTable: Hashable, Sendable {
    /// A short identifier (`folds`, `confusion`): LaTeX's `\label{tab:…}`.
    public let name: String
    /// One line saying what the table shows: LaTeX's caption.
    public let title: String
    public let columns: [ExportColumn]
    public let rows: [[ExportValue]]

    /// Every row must hold one value per column.
    public init(name: String, title: String, columns: [ExportColumn], rows: [[ExportValue]]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "one value per column in every row")
        self.name = name
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

extension ExportValue {
    /// Round-trip text for CSV and JSON: Swift's shortest representation that parses back to
    /// the same Double (`0.1`, `0.27049180327868855`, `1e-05`).
    var fullPrecision: String? {
        switch self {
        case .text(let s), .figure(let s): s
        case .integer(let i): String(i)
        case .number(let x): x.isFinite ? x.description : nil
        case .missing: nil
        }
    }

    /// Text for people: numbers rounded to `places`.
    func display(places: Int) -> String? {
        switch self {
        case .number(let x):
            x.isFinite ? DisplayNumber.fixed(x, places: places) : nil
        default:
            fullPrecision
        }
    }
}

/// Fixed-point text without a locale, so an export reads the same on every machine.
enum DisplayNumber {
    static func fixed(_ x: Double, places: Int) -> String {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let units = (x.magnitude * scale).rounded()
        guard units < 1e15 else { return x.description }
        let whole = Int(units) / Int(scale)
        var fraction = String(Int(units) % Int(scale))
        while fraction.count < places { fraction = "0" + fraction }
        let sign = x < 0 && units != 0 ? "-" : ""
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }
}
