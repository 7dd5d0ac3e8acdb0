extension Canvas {
    /// The canvas as plain text, one line per row with trailing spaces removed: the golden
    /// form for snapshot tests. A wide character appears once (it covers two cells).
    public func text() -> String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width {
                let cell = cells[y * width + x]
                if !cell.isContinuation { line.append(cell.grapheme) }
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The styles of the canvas as text, the form of the `.styles` goldens: under a one-line
    /// header, one line per run of equally styled cells in a row that differs from the plain
    /// style, as `row first–last style "text covered"`, so a reviewer reading a diff sees which
    /// words changed colour or attributes without counting columns against the `.txt` golden.
    public func styledDump() -> String {
        styleRuns(legend: "style") { $0 == .plain ? nil : "\($0)" }
    }

    /// Runs of cells whose `look` is equal (nil: nothing to record), in `styledDump`'s form;
    /// `legend` names what the runs record (the `.mono` goldens record attributes only).
    public func styleRuns(legend: String, _ look: (Style) -> String?) -> String {
        var lines = ["# row first–last-column \(legend) \"text covered\"; cells without one are left out"]
        for y in 0..<height {
            var x = 0
            while x < width {
                let key = look(cells[y * width + x].style)
                var end = x
                while end + 1 < width && look(cells[y * width + end + 1].style) == key { end += 1 }
                if let key {
                    let text = String((x...end).map { cells[y * width + $0] }.filter { !$0.isContinuation }.map(\.grapheme))
                    lines.append("\(y) \(x)–\(end) \(key) \"\(text)\"")
                }
                x = end + 1
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Color: CustomStringConvertible {
    public var description: String {
        switch self {
        case .background: "background"
        case .text: "text"
        case .muted: "muted"
        case .accent: "accent"
        case .border: "border"
        case .focus: "focus"
        case .success: "success"
        case .error: "error"
        case .warning: "warning"
        case .selection: "selection"
        case .selectionText: "selectionText"
        case .statusBackground: "statusBackground"
        case .statusText: "statusText"
        case .overlay: "overlay"
        case .emotion(let e): "emotion.\(e.code)"
        case .heat(let level): "heat.\(level)"
        case .rgb(let rgb): rgb.description
        }
    }
}

extension Style: CustomStringConvertible {
    /// e.g. `fg=accent bg=selection bold reverse`; `plain` when nothing is set.
    public var description: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=\(foreground)") }
        if let background { parts.append("bg=\(background)") }
        let names: [(TextAttributes, String)] = [
            (.bold, "bold"), (.dim, "dim"), (.italic, "italic"), (.underline, "underline"), (.reverse, "reverse"),
        ]
        for (attribute, name) in names where attributes.contains(attribute) { parts.append(name) }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
