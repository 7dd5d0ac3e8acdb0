/// One frame in the form a terminal draws: the escape sequences of a graphics protocol, or
/// cells as ANSI text. Pure apart from libsixel for `.sixel`.
public enum FrameGraphics {
    /// `image` (already scaled to `layout.pixels` for the pixel modes) placed into
    /// `layout.columns × layout.rows` cells. `cells` is the cell renderer's settings for `.cells`.
    public static func render(_ image: RGBImage, mode: GraphicsMode, columns: Int, rows: Int,
                              route: GraphicsRoute = .direct, imageID: UInt32 = 1,
                              cellMode: CellMode = .half, color: ColorDepth = .truecolor) throws -> [UInt8] {
        switch mode {
        case .kitty:
            return KittyGraphics.transmitAndPlace(
                image, KittyGraphics.Placement(imageID: imageID, placementID: 1, columns: columns, rows: rows),
                route: route)
        case .sixel:
            return try SixelImage.encode(image, route: route)
        case .iterm:
            return ITermImage.inline(image, columns: columns, rows: rows, route: route)
        case .cells:
            return Array(AnsiText.render(CellRenderer.render(image, mode: cellMode, color: color)).utf8)
        }
    }
}
