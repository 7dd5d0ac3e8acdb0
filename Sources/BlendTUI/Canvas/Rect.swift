/// A rectangle of cells; `x`, `y` are the top-left corner. Never negative in size.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column.
    public var maxX: Int { x + width }
    /// One past the last row.
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var area: Int { width * height }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }

    /// The overlap of two rectangles (empty, at `self`'s corner, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let left = max(x, other.x), top = max(y, other.y)
        let right = min(maxX, other.maxX), bottom = min(maxY, other.maxY)
        guard right > left, bottom > top else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: left, y: top, width: right - left, height: bottom - top)
    }

    /// Shrunk by `edges` on each side (never below zero size).
    public func inset(_ edges: Edges) -> Rect {
        Rect(x: x + edges.left, y: y + edges.top,
             width: width - edges.left - edges.right, height: height - edges.top - edges.bottom)
    }

    /// Shrunk by `amount` on every side.
    public func inset(by amount: Int) -> Rect { inset(Edges(all: amount)) }

    /// A `width`×`height` rectangle centred in `self` (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = min(w, width), ch = min(h, height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// The single row `row` rows below the top (empty when outside).
    public func row(_ row: Int) -> Rect {
        guard row >= 0, row < height else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x, y: y + row, width: width, height: 1)
    }

    /// The top `n` rows.
    public func top(_ n: Int) -> Rect { Rect(x: x, y: y, width: width, height: min(n, height)) }
    /// The bottom `n` rows.
    public func bottom(_ n: Int) -> Rect {
        let h = min(n, height)
        return Rect(x: x, y: maxY - h, width: width, height: h)
    }

    public var description: String { "\(x),\(y) \(width)×\(height)" }
}

/// Distances from the four sides, for margins and padding.
public struct Edges: Hashable, Sendable {
    public var top: Int
    public var right: Int
    public var bottom: Int
    public var left: Int

    public init(top: Int = 0, right: Int = 0, bottom: Int = 0, left: Int = 0) {
        self.top = top
        self.right = right
        self.bottom = bottom
        self.left = left
    }

    public init(all: Int) { self.init(top: all, right: all, bottom: all, left: all) }
    public init(horizontal: Int, vertical: Int) {
        self.init(top: vertical, right: horizontal, bottom: vertical, left: horizontal)
    }
}
