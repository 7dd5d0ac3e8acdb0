import BlendCore
import BlendMedia

/// Flat-colour shape filling for the demo face; coordinates in pixels, pixel centres at +0.5.
extension RGBImage {
    /// Fills the whole picture.
    mutating func fill(_ color: RGB) {
        pixels.withUnsafeMutableBufferPointer { p in
            for i in stride(from: 0, to: p.count, by: 3) {
                p[i] = color.red
                p[i + 1] = color.green
                p[i + 2] = color.blue
            }
        }
    }

    /// Fills pixels `x0..<x1` of row `y`, clipped to the picture.
    mutating func fillSpan(y: Int, from x0: Int, to x1: Int, _ color: RGB) {
        guard y >= 0, y < height else { return }
        let start = max(0, x0), end = min(width, x1)
        guard start < end else { return }
        let w = width
        pixels.withUnsafeMutableBufferPointer { p in
            for x in start..<end {
                let i = (y * w + x) * 3
                p[i] = color.red
                p[i + 1] = color.green
                p[i + 2] = color.blue
            }
        }
    }

    /// Fills the pixels whose centres lie inside the axis-aligned ellipse.
    mutating func fillEllipse(centerX: Double, centerY: Double, radiusX: Double, radiusY: Double, _ color: RGB) {
        guard radiusX > 0, radiusY > 0 else { return }
        let top = max(0, Int((centerY - radiusY).rounded(.down)))
        let bottom = min(height - 1, Int((centerY + radiusY).rounded(.up)))
        guard top <= bottom else { return }
        for y in top...bottom {
            let dy = (Double(y) + 0.5 - centerY) / radiusY
            guard dy * dy < 1 else { continue }
            let half = radiusX * (1 - dy * dy).squareRoot()
            fillSpan(y: y, from: Int((centerX - half - 0.5).rounded(.up)),
                     to: Int((centerX + half - 0.5).rounded(.down)) + 1, color)
        }
    }

    /// A stroke of round `thickness` from one point to another (discs stamped along the way).
    mutating func strokeLine(from a: (x: Double, y: Double), to b: (x: Double, y: Double),
                             thickness: Double, _ color: RGB) {
        let length = ((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y)).squareRoot()
        let steps = max(1, Int(length.rounded(.up)))
        let radius = max(0.5, thickness / 2)
        for step in 0...steps {
            let t = Double(step) / Double(steps)
            fillEllipse(centerX: a.x + (b.x - a.x) * t, centerY: a.y + (b.y - a.y) * t,
                        radiusX: radius, radiusY: radius, color)
        }
    }

    /// Fills each column `x` in `x0..<x1` between `top(x)` and `bottom(x)` (pixel centres).
    mutating func fillBetween(from x0: Int, to x1: Int, top: (Double) -> Double, bottom: (Double) -> Double,
                              _ color: RGB) {
        let start = max(0, x0), end = min(width, x1)
        guard start < end else { return }
        for x in start..<end {
            let cx = Double(x) + 0.5
            let y0 = max(0, Int((top(cx) - 0.5).rounded(.up)))
            let y1 = min(height - 1, Int((bottom(cx) - 0.5).rounded(.down)))
            guard y0 <= y1 else { continue }
            for y in y0...y1 { self[x, y] = color }
        }
    }
}
