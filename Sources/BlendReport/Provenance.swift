import BlendCore

/// Where an exported table came from: the project, the source, the thresholds and how they were
/// chosen, the scope, the grid, the bootstrap settings when intervals appear, the blendscope
/// version and the time — key/value pairs in a fixed order, written by every format (JSON: a
/// `provenance` object; CSV: `# key: value` lines; Markdown and LaTeX: comment lines).
public struct Provenance: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        /// snake_case: the JSON key and the word before the colon in comments.
        public let key: String
        public let value: ExportValue
    }

    public private(set) var entries: [Entry]

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public mutating func add(_ key: String, _ value: ExportValue) { entries.append(Entry(key: key, value: value)) }

    public mutating func add(_ key: String, _ text: String) { add(key, .text(text)) }

    /// `key: value` for a comment line: line breaks and controls flattened, so a project path
    /// or a source name can never end the comment and start a line of data or markup.
    public var lines: [String] {
        entries.map { entry in
            let text = entry.value.fullPrecision ?? "–"
            let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                .replacingOccurrences(of: "\r", with: " ")
            return "\(entry.key): " + SafeText.terminal(flat, keepingLineBreaks: false)
        }
    }

    /// The JSON object, keys in order.
    var json: String {
        "{" + entries.map { JSONText.string($0.key) + ": " + JSONText.value($0.value) }.joined(separator: ", ") + "}"
    }
}

/// The page width a LaTeX table must fit.
public enum TableWidth: String, Sendable, Hashable, CaseIterable {
    /// `\textwidth` of a one-column `article` (10 pt, letter paper): 345 pt.
    case text
    /// One column of a two-column paper: `article[twocolumn]`'s 229.9 pt, so also IEEEtran's
    /// 252 pt and ACM's 241 pt.
    case column

    /// The width in TeX points.
    public var points: Double {
        switch self {
        case .text: 345
        case .column: 229.8
        }
    }
}

/// How a table is written beyond its rows: provenance and the LaTeX options.
public struct ExportOptions: Hashable, Sendable {
    public var provenance: Provenance?
    /// CSV: provenance as `#` lines before the header (false: `--no-comments`).
    public var comments: Bool
    /// LaTeX: the caption instead of the table's title.
    public var caption: String?
    /// LaTeX: the label instead of `tab:NAME`.
    public var label: String?
    public var width: TableWidth

    public init(provenance: Provenance? = nil, comments: Bool = true, caption: String? = nil, label: String? = nil,
                width: TableWidth = .text) {
        self.provenance = provenance
        self.comments = comments
        self.caption = caption
        self.label = label
        self.width = width
    }
}
