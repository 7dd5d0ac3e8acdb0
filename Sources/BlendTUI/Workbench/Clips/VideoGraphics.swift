import BlendMedia

/// How the clip pane draws a picture: real pixels through a terminal graphics protocol, or
/// character cells of one kind. Chosen once at start (`--graphics`, the config key, else the
/// terminal's answer to the detection queries).
public enum VideoGraphics: Sendable, Hashable {
    case pixels(GraphicsMode)
    case cells(CellMode)

    /// Today's half blocks: what a terminal that says nothing gets.
    public static let fallback = VideoGraphics.cells(.half)

    /// The names `--graphics` and the config key take: kitty, sixel, iterm, cells (sextants),
    /// and the cell kinds by name (half, quad, sextant, octant).
    public static let names = ["kitty", "sixel", "iterm", "cells", "half", "quad", "sextant", "octant"]

    public init?(name: String) {
        switch name.lowercased() {
        case "kitty": self = .pixels(.kitty)
        case "sixel": self = .pixels(.sixel)
        case "iterm", "iterm2": self = .pixels(.iterm)
        // `cells` asks for the finest cells most fonts have (Unicode 13's sextants).
        case "cells", "sextant": self = .cells(.sextant)
        case "octant": self = .cells(.octant)
        case "quad": self = .cells(.quad)
        case "half": self = .cells(.half)
        default: return nil
        }
    }

    /// What detection found: a pixel protocol, else today's half blocks.
    public init(detected mode: GraphicsMode) {
        self = mode.drawsPixels ? .pixels(mode) : VideoGraphics.fallback
    }

    /// The pixel protocol, nil for cells.
    public var pixelMode: GraphicsMode? {
        if case .pixels(let mode) = self { return mode }
        return nil
    }

    /// The cells frames are drawn in (for the pixel modes, the cells the picture is cut from
    /// where pixels cannot be shown, e.g. thumbnails).
    public var cellMode: CellMode {
        if case .cells(let mode) = self { return mode }
        return .half
    }

    /// What the canvas can draw: octants (Unicode 16) only where the C library's `wcwidth`
    /// knows them (curses prints nothing it does not), else sextants, which it does since
    /// glibc 2.33. Debian 12's glibc 2.36 does not know octants.
    public var drawable: VideoGraphics {
        if case .cells(.octant) = self, DisplayWidth.of(Unicode.Scalar(0x1CD00 as UInt32) ?? " ") < 0 { return .cells(.sextant) }
        return self
    }

    /// A word for the heading: `kitty`, `sextant cells`.
    public var label: String {
        switch self {
        case .pixels(let mode): mode.rawValue
        case .cells(let mode): "\(mode.rawValue) cells"
        }
    }
}
