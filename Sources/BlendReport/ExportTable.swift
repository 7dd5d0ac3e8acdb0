import BlendCore

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
    /// What a column holds, so that every renderer writes it alike.
    public enum Kind: Hashable, Sendable {
        /// Words blendscope or a user wrote (a fold, a metric's name, a note).
        case text
        /// A clip's file-name stem: text from a user's file, escaped like any text.
        case clip
        /// A whole number (clips, blends, flips).
        case count
        /// A rate, an accuracy or a probability: three decimals for people.
        case rate
        /// α or β: four decimals for people.
        case threshold
        /// Any other number, with the decimal places shown to people.
        case number(places: Int)

        /// The decimal places Markdown, LaTeX and the text tables round a number to.
        public var places: Int {
            switch self {
            case .rate, .text, .clip, .count: 3
            case .threshold: 4
            case .number(let p): p
            }
        }
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
        switch kind {
        case .text, .clip: false
        case .count, .rate, .threshold, .number: true
        }
    }

    /// The decimal places people see (`Kind.places`).
    public var places: Int { kind.places }
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

extension ExportTable {
    /// The first `count` rows (all when there are fewer).
    public func prefix(_ count: Int) -> ExportTable {
        ExportTable(name: name, title: title, columns: columns, rows: Array(rows.prefix(max(0, count))))
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
            x.isFinite ? NumberText.fixed(x, places: places) : nil
        default:
            fullPrecision
        }
    }
}
