/// The one-line bar at the bottom: spans on the left, spans on the right, on the status
/// background. When both do not fit, the right side keeps its room and the left is cut.
public struct StatusBar: Widget {
    public var left: [Span]
    public var right: [Span]

    public init(left: [Span], right: [Span] = []) {
        self.left = left
        self.right = right
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        let base = Style(fg: .statusText, bg: .statusBackground)
        canvas.fill(row, style: base)
        let rightWidth = min(right.width, row.width)
        let leftRoom = row.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        if leftRoom > 0 {
            canvas.draw(left.map { Span($0.text, $0.style.over(base)) }, x: row.x, y: row.y, maxWidth: leftRoom, clip: row)
        }
        if rightWidth > 0 {
            canvas.draw(right.map { Span($0.text, $0.style.over(base)) }, x: row.maxX - rightWidth, y: row.y,
                        maxWidth: rightWidth, clip: row)
        }
    }
}
