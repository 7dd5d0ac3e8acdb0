import BlendCore

/// The Clips table's filter line: every active filter (with the key that changes it), then
/// the order. When that does not fit, the keys go, then the values shrink to a few cells
/// (80 columns show all eight filters that way); what still does not fit is cut with "…".
struct ClipFilterLine {
    let query: ClipQuery

    /// How much room the line takes, from most to least.
    private enum Form: CaseIterable {
        /// `w wrong · s train · o clip  c clears`
        case keyed
        /// `wrong train o:clip c:clear`
        case short
        /// `✗ tr ↕clip`
        case tiny
    }

    /// One active filter: its key and its value in each form.
    private struct Part {
        var key: String?
        var value: String
        var short: String
        var tiny: String

        init(key: String?, _ value: String, short: String? = nil, tiny: String? = nil) {
            self.key = key
            self.value = value
            self.short = short ?? value
            self.tiny = tiny ?? short ?? value
        }

        func text(_ form: Form) -> String {
            switch form {
            case .keyed: value
            case .short: short
            case .tiny: tiny
            }
        }
    }

    private var parts: [Part] {
        let q = query
        var parts: [Part] = []
        // The confusion cell leads: it is the filter that explains a short list, and narrow
        // panes cut the end of the line.
        if let cell = q.cell { parts.append(Part(key: "esc", "cell \(cell.title)", short: cell.title)) }
        if let list = q.list { parts.append(Part(key: "esc", list.title, short: "\(list.names.count) listed")) }
        if q.kind != .all { parts.append(Part(key: "f", q.kind.title)) }
        if q.outcome != .all { parts.append(Part(key: "w", q.outcome.title, tiny: q.outcome == .wrong ? "✗" : "✓")) }
        if let split = q.split { parts.append(Part(key: "s", split.rawValue, tiny: split == .train ? "tr" : "te")) }
        if let fold = q.fold { parts.append(Part(key: "F", "fold \(fold)", short: "f\(fold)")) }
        if let emotion = q.emotion { parts.append(Part(key: "e", "has \(emotion.code)", short: "∋\(emotion.code)")) }
        if let tag = q.tag { parts.append(Part(key: "#", tag, short: "#\(tag)")) }
        if let actor = q.actor { parts.append(Part(key: nil, actor)) }
        if !q.search.isEmpty { parts.append(Part(key: "/", q.search, short: "/\(q.search)")) }
        return parts
    }

    func spans(width: Int) -> [Span] {
        let parts = parts
        for form in Form.allCases {
            for hint in form == .tiny ? [false] : [true, false] {
                let spans = line(parts, form, hint: hint)
                if spans.width <= width { return spans }
            }
        }
        return line(parts, .tiny, hint: false)
    }

    private func line(_ parts: [Part], _ form: Form, hint: Bool) -> [Span] {
        let key = Style(fg: .muted), value = Style(fg: .accent, .bold)
        var spans: [Span] = parts.isEmpty ? [Span("all clips", key)] : []
        for (n, part) in parts.enumerated() {
            if n > 0 { spans.append(Span(form == .keyed ? " · " : " ", key)) }
            if form == .keyed, let k = part.key { spans.append(Span("\(k) ", key)) }
            spans.append(Span(part.text(form), value))
        }
        let sort = query.sort == .dispute && form != .keyed ? "dispute" : query.sort.title
        let sortKey = switch form {
        case .keyed: " · o "
        case .short: " o:"
        case .tiny: " ↕"
        }
        spans += [Span(sortKey, key), Span(sort, Style(fg: .text, .bold))]
        if hint, query.isFiltered { spans.append(Span(form == .keyed ? "  c clears" : " c:clear", key)) }
        return spans
    }
}
