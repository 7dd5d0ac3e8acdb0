import BlendCore

/// A picture in half blocks: each cell shows two pixels stacked (`▀` with the top pixel as
/// foreground and the bottom one as background), for video frame previews. The pixels come
/// already scaled to at most the area's width × twice its height; the image is centred.
public struct PixelImage: Widget {
    public var width: Int
    public var height: Int
    /// Row-major, `width × height` colours.
    public var pixels: [RGB]

    public init(width: Int, height: Int, pixels: [RGB]) {
        precondition(pixels.count == width * height, "\(pixels.count) pixels for a \(width)×\(height) image")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Cells the image takes: its width, half its height rounded up.
    public var cellSize: (width: Int, height: Int) { (width, (height + 1) / 2) }

    public func render(into canvas: inout Canvas, area: Rect) {
        let box = area.centered(width: cellSize.width, height: cellSize.height)
        guard !box.isEmpty else { return }
        for row in 0..<box.height {
            for column in 0..<box.width {
                let top = pixels[2 * row * width + column]
                let bottomRow = 2 * row + 1
                // An odd last row has no bottom pixel: the terminal background shows there.
                let style = bottomRow < height
                    ? Style(fg: .rgb(top), bg: .rgb(pixels[bottomRow * width + column]))
                    : Style(fg: .rgb(top))
                canvas.put("▀", x: box.x + column, y: box.y + row, style: style)
            }
        }
    }
}
