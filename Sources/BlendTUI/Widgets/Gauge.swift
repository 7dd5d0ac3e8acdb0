import BlendCore

/// A progress bar with its label after it: `████▌      62%`. The unfilled part is drawn
/// in the muted colour so the bar's length reads even without colour.
public struct Gauge: Widget {
    public var fraction: Double
    /// Shown after the bar; defaults to the percentage.
    public var label: String?
    public var style: Style

    public init(_ fraction: Double, label: String? = nil, style: Style = Style(fg: .accent)) {
        self.fraction = fraction
        self.label = label
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let text = label ?? Format.percent(fraction)
        let labelWidth = DisplayWidth.of(text)
        let barWidth = area.width - labelWidth - 1
        guard barWidth >= 3 else {
            canvas.draw(text, x: area.x, y: area.y, maxWidth: area.width, clip: area)
            return
        }
        let filled = BlockBar.bar(fraction, width: barWidth)
        canvas.draw(filled, x: area.x, y: area.y, style: style, truncation: .clip, clip: area)
        let rest = barWidth - DisplayWidth.of(filled)
        if rest > 0 {
            canvas.draw(String(repeating: "·", count: rest), x: area.x + barWidth - rest, y: area.y,
                        style: Style(fg: .muted), truncation: .clip, clip: area)
        }
        canvas.draw(text, x: area.x + barWidth + 1, y: area.y, clip: area)
    }
}
