import BlendCore

/// A point in a figure, in PostScript points from the top-left corner (y grows downwards, as
/// cairo draws).
public struct FigurePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// An axis-aligned box in points.
public struct FigureBox: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }

    /// Whether `other` lies inside, up to `slack` points.
    public func contains(_ other: FigureBox, slack: Double = 0.01) -> Bool {
        other.x >= x - slack && other.y >= y - slack && other.maxX <= maxX + slack && other.maxY <= maxY + slack
    }
}

/// A line's colour, width and dash pattern (empty: solid).
public struct FigureStroke: Hashable, Sendable {
    public var colour: RGB
    public var width: Double
    public var dash: [Double]

    public init(_ colour: RGB, width: Double = 0.6, dash: [Double] = []) {
        self.colour = colour
        self.width = width
        self.dash = dash
    }
}

public enum TextAnchor: Sendable, Hashable { case start, middle, end }

/// Marker shapes: with the dash patterns, what tells series apart in a monochrome print.
public enum MarkerShape: Sendable, Hashable, CaseIterable { case circle, square, triangle, diamond, cross, plus }

/// One thing drawn. A figure is a list of these, so its layout is tested without cairo.
public enum FigureMark: Sendable, Hashable {
    /// A heat cell: filled without an edge, its corners snapped to whole device units so that
    /// neighbours meet without antialiased seams.
    case cell(FigureBox, RGB)
    case rect(FigureBox, fill: RGB?, stroke: FigureStroke?)
    case polyline([FigurePoint], FigureStroke)
    /// A filled polygon (an interval band), with its opacity.
    case polygon([FigurePoint], fill: RGB, opacity: Double)
    /// Text on its baseline at `at`; `vertical` reads bottom to top.
    case text(String, at: FigurePoint, size: Double, anchor: TextAnchor, colour: RGB, vertical: Bool)
    case marker(MarkerShape, at: FigurePoint, size: Double, stroke: FigureStroke, fill: RGB?)
}

/// A figure: its page size in points and what is drawn on it, in order.
public struct Figure: Sendable, Hashable {
    public let width: Double
    public let height: Double
    public let marks: [FigureMark]

    public var page: FigureBox { FigureBox(x: 0, y: 0, width: width, height: height) }

    /// The box a mark covers, text by the estimate of `TextMetrics`.
    public static func extent(of mark: FigureMark) -> FigureBox {
        switch mark {
        case .cell(let box, _), .rect(let box, _, _): return box
        case .polyline(let points, _), .polygon(let points, _, _): return hull(points)
        case .marker(_, let at, let size, _, _):
            return FigureBox(x: at.x - size / 2, y: at.y - size / 2, width: size, height: size)
        case .text(let text, let at, let size, let anchor, _, let vertical):
            let length = TextMetrics.width(text, size: size)
            let start: Double
            switch anchor {
            case .start: start = 0
            case .middle: start = -length / 2
            case .end: start = -length
            }
            if vertical {
                return FigureBox(x: at.x - size * TextMetrics.ascent, y: at.y - start - length,
                                 width: size * (TextMetrics.ascent + TextMetrics.descent), height: length)
            }
            return FigureBox(x: at.x + start, y: at.y - size * TextMetrics.ascent, width: length,
                             height: size * (TextMetrics.ascent + TextMetrics.descent))
        }
    }

    private static func hull(_ points: [FigurePoint]) -> FigureBox {
        guard let first = points.first else { return FigureBox(x: 0, y: 0, width: 0, height: 0) }
        var (x0, y0, x1, y1) = (first.x, first.y, first.x, first.y)
        for p in points {
            x0 = min(x0, p.x)
            y0 = min(y0, p.y)
            x1 = max(x1, p.x)
            y1 = max(y1, p.y)
        }
        return FigureBox(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// The marks that stick out of the page: none in a figure that fits.
    public var overflowing: [FigureMark] { marks.filter { !page.contains(Self.extent(of: $0)) } }

    /// Every text drawn, in order (for tests and for checking labels).
    public var texts: [String] {
        marks.compactMap { if case .text(let s, _, _, _, _, _) = $0 { s } else { nil } }
    }
}

/// Paper sizes: one IEEE column (252 pt) or the two-column text width (516 pt).
public enum FigureWidth: String, Sendable, Hashable, CaseIterable {
    case column, page

    public var points: Double {
        switch self {
        case .column: 252
        case .page: 516
        }
    }
}

/// Text sizes in points (DejaVu Sans): 8 pt for labels and ticks, 9 pt for axis titles, so the
/// figure reads as body text at 100 % in a paper.
public enum FigureType {
    public static let tick = 8.0
    public static let label = 9.0
    public static let legend = 8.0
}

/// An estimate of DejaVu Sans' advance widths, so that layout is pure: a little wider than the
/// font's average, so that estimated boxes contain the drawn text.
public enum TextMetrics {
    public static let ascent = 0.76
    public static let descent = 0.24

    public static func width(_ text: String, size: Double) -> Double {
        var em = 0.0
        for c in text.unicodeScalars {
            switch c {
            case " ", ".", ",", ":", ";", "i", "l", "I", "j", "'", "|", "!": em += 0.32
            case "m", "w", "M", "W": em += 0.9
            case "A"..."Z": em += 0.7
            case "0"..."9": em += 0.64
            default: em += 0.62
            }
        }
        return em * size
    }
}
