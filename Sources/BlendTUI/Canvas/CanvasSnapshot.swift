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

    /// The styles of the canvas as text, for colour snapshots: one line per run of equally
    /// styled cells that differs from the plain style, as `y x0-x1 style`.
    public func styledDump() -> String {
        var lines: [String] = []
        for y in 0..<height {
            var x = 0
            while x < width {
                let style = cells[y * width + x].style
                var end = x
                while end + 1 < width && cells[y * width + end + 1].style == style { end += 1 }
                if style != .plain { lines.append("\(y) \(x)-\(end) \(style)") }
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
