/// A report for people, made of sections of facts, paragraphs, tables and figures, and
/// rendered whole by `HTMLReport`. Every text in it is plain text (escaped when rendered);
/// only a figure's SVG, which blendscope drew, is markup.
public struct ReportDocument: Sendable, Hashable {
    public let title: String
    public let sections: [ReportSection]

    public init(title: String, sections: [ReportSection]) {
        self.title = title
        self.sections = sections
    }
}

public struct ReportSection: Sendable, Hashable {
    /// A short identifier, the section's anchor (`summary`, `heatmap`).
    public let id: String
    public let title: String
    public let blocks: [ReportBlock]

    public init(id: String, title: String, blocks: [ReportBlock]) {
        self.id = id
        self.title = title
        self.blocks = blocks
    }
}

/// A name and its value, as the report's summary and provenance list them.
public struct ReportFact: Sendable, Hashable {
    public let name: String
    public let value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

public enum ReportBlock: Sendable, Hashable {
    case paragraph(String)
    case facts([ReportFact])
    case table(ExportTable)
    case figure(ReportFigure)
    /// What could not be shown and why (no videos linked, no fusion saved).
    case missing(String)
}

/// A figure drawn by blendscope: its kind, its SVG ready to sit inline (ids made unique to
/// it), and a caption.
public struct ReportFigure: Sendable, Hashable {
    public let kind: String
    public let svg: String
    public let caption: String

    public init(kind: String, svg: String, caption: String) {
        self.kind = kind
        self.svg = svg
        self.caption = caption
    }
}
