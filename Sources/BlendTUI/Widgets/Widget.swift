/// Something that draws itself into an area of a canvas. Widgets are plain values built from
/// state on every frame; they keep nothing between frames.
public protocol Widget {
    func render(into canvas: inout Canvas, area: Rect)
}
