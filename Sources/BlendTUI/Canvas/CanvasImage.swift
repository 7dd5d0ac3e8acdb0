import BlendMedia

/// A picture the terminal draws itself over a rectangle of the canvas (kitty, sixel, iTerm2):
/// the canvas keeps blank cells there, and the runtime's `GraphicsLayer` writes, moves and
/// deletes the image as frames come and go.
public struct CanvasImage: Sendable {
    /// Which picture this is on the screen (kitty's image id): one per place on screen.
    public var id: UInt32
    /// The cells it covers.
    public var area: Rect
    public var image: RGBImage
    /// What makes this picture differ from the last one in the same place (clip and frame
    /// time), so an unchanged frame is never sent again and pixels are never compared.
    public var version: String

    public init(id: UInt32, area: Rect, image: RGBImage, version: String) {
        self.id = id
        self.area = area
        self.image = image
        self.version = version
    }
}

extension CanvasImage: Equatable {
    public static func == (a: CanvasImage, b: CanvasImage) -> Bool {
        a.id == b.id && a.area == b.area && a.version == b.version
    }
}

extension Canvas {
    /// Puts `image` over `area` (clipped to the canvas: an image never draws past it).
    public mutating func place(_ image: CanvasImage) {
        guard area(image.area) else { return }
        images.removeAll { $0.id == image.id }
        images.append(image)
    }

    private func area(_ rect: Rect) -> Bool {
        rect.width > 0 && rect.height > 0 && rect.x >= 0 && rect.y >= 0 && rect.maxX <= width && rect.maxY <= height
    }
}
