import BlendCore

/// A horizontal bar measured in eighths of a cell, for weights and probabilities.
public struct Bar: Widget {
    /// 0...1 of the area's width (clamped).
    public var fraction: Double
    public var style: Style

    public init(_ fraction: Double, style: Style = Style(fg: .accent)) {
        self.fraction = fraction
        self.style = style
    }

    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.draw(BlockBar.bar(fraction, width: area.width), x: area.x, y: area.y, style: style, truncation: .clip, clip: area)
    }
}
