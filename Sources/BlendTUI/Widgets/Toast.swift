/// What a toast reports, which sets its colour and mark.
public enum ToastKind: Hashable, Sendable {
    case info
    case success
    case warning
    case error

    var mark: String {
        switch self {
        case .info: "•"
        case .success: "✓"
        case .warning: "!"
        case .error: "✗"
        }
    }

    var color: Color {
        switch self {
        case .info: .accent
        case .success: .success
        case .warning: .warning
        case .error: .error
        }
    }
}

/// Short notices stacked in the bottom-right corner of `area`, newest at the bottom
/// (`✓ exported confusion.csv`). Each is one line, cut with an ellipsis when too long.
public struct ToastStack: Widget {
    public var toasts: [(text: String, kind: ToastKind)]
    /// The widest a toast may be.
    public var maxWidth: Int

    public init(_ toasts: [(text: String, kind: ToastKind)], maxWidth: Int = 60) {
        self.toasts = toasts
        self.maxWidth = maxWidth
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard area.width >= 8, area.height >= 3 else { return }
        // Each toast is a bordered box three rows high; as many as fit, the newest kept.
        let fitting = min(toasts.count, area.height / 3)
        for (slot, toast) in toasts.suffix(fitting).reversed().enumerated() {
            let textWidth = DisplayWidth.of(toast.text) + 2
            let width = min(max(textWidth + 4, 12), maxWidth, area.width)
            let box = Rect(x: area.maxX - width, y: area.maxY - 3 * (slot + 1), width: width, height: 3)
            canvas.clear(box, style: Style(bg: .overlay))
            Block(glyphs: .rounded).render(into: &canvas, area: box)
            canvas.paint(Rect(x: box.x, y: box.y, width: box.width, height: 3), Style(fg: toast.kind.color))
            let inner = box.inset(Edges(horizontal: 2, vertical: 1))
            canvas.draw([Span(toast.kind.mark + " ", Style(fg: toast.kind.color, .bold)), Span(toast.text, Style(fg: .text))],
                        x: inner.x, y: inner.y, maxWidth: inner.width)
        }
    }
}
