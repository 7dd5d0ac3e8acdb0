@testable import BlendTUI

/// The form of the `.styles` and `.mono` goldens: one line per run of cells in a row that look
/// the same (plain cells left out), as `row first–last style "text"`, the text being what the
/// run covers. A reviewer reading a diff sees which words changed colour or attributes without
/// counting columns against the `.txt` golden.
enum StyleGolden {
    /// The colours and attributes the canvas asks for (`fg=accent bold`, `plain` left out).
    static func styles(_ canvas: Canvas) -> String {
        runs(canvas, legend: "style") { $0 == .plain ? nil : "\($0)" }
    }

    /// Runs of equal `look` (nil: nothing to record), under a header naming the columns.
    static func runs(_ canvas: Canvas, legend: String, _ look: (Style) -> String?) -> String {
        var lines = ["# row first–last-column \(legend) \"text covered\"; cells without one are left out"]
        for y in 0..<canvas.height {
            var x = 0
            while x < canvas.width {
                let key = look(canvas[x, y].style)
                var end = x
                while end + 1 < canvas.width && look(canvas[end + 1, y].style) == key { end += 1 }
                if let key {
                    let text = String((x...end).map { canvas[$0, y] }.filter { !$0.isContinuation }.map(\.grapheme))
                    lines.append("\(y) \(x)–\(end) \(key) \"\(text)\"")
                }
                x = end + 1
            }
        }
        return lines.joined(separator: "\n")
    }
}
