import BlendCore
import BlendMedia

/// Draws the demo face for a pose: flat shapes sized relative to the picture, so the same face
/// renders at 96×96 for the demo and larger for benchmarks.
enum FacePainter {
    private static let flushed = RGB(215, 70, 60)
    private static let pale = RGB(222, 226, 214)
    private static let eyeWhite = RGB(245, 245, 240)
    private static let mouthInside = RGB(70, 20, 25)
    private static let teeth = RGB(240, 236, 225)

    static func draw(_ pose: FacePose, look: FaceLook, offset: (x: Double, y: Double), into image: inout RGBImage) {
        let unit = Double(min(image.width, image.height))
        let cx = Double(image.width) / 2 + offset.x * unit
        let cy = Double(image.height) * 0.53 + offset.y * unit
        let sx = look.widthScale, sy = look.heightScale

        let skin = pose.flush >= 0
            ? look.skin.mixed(with: flushed, 0.4 * pose.flush)
            : look.skin.mixed(with: pale, -0.45 * pose.flush)
        let shadow = skin.mixed(with: RGB(60, 30, 20), 0.35)
        let brow = look.hair.mixed(with: RGB(0, 0, 0), 0.3)
        let lips = skin.mixed(with: RGB(150, 40, 50), 0.55)

        image.fill(look.background)
        image.fillEllipse(centerX: cx, centerY: Double(image.height) + 0.06 * unit,
                          radiusX: 0.46 * unit, radiusY: 0.2 * unit, look.shirt)
        image.fillEllipse(centerX: cx, centerY: cy - 0.07 * unit * sy,
                          radiusX: 0.37 * unit * sx, radiusY: 0.42 * unit * sy, look.hair)
        image.fillEllipse(centerX: cx, centerY: cy, radiusX: 0.31 * unit * sx, radiusY: 0.39 * unit * sy, skin)

        // Eyes: whites whose height follows the opening, irises cut to fit them.
        let eyeY = cy - 0.07 * unit * sy
        let eyeHeight = 0.042 * unit * max(0, pose.eyeOpen)
        for side in [-1.0, 1.0] {
            let ex = cx + side * 0.125 * unit * sx
            if eyeHeight < 0.8 {
                image.strokeLine(from: (ex - 0.06 * unit, eyeY), to: (ex + 0.06 * unit, eyeY),
                                 thickness: max(1, 0.015 * unit), brow)
            } else {
                image.fillEllipse(centerX: ex, centerY: eyeY, radiusX: 0.07 * unit, radiusY: eyeHeight, eyeWhite)
                image.fillEllipse(centerX: ex, centerY: eyeY, radiusX: 0.03 * unit,
                                  radiusY: min(0.03 * unit, eyeHeight), look.iris)
            }
            // Brows: inner end near the nose, outer end at the temple.
            let inner = (x: cx + side * 0.045 * unit * sx, y: cy - (0.165 + 0.04 * pose.browInner) * unit * sy)
            let outer = (x: cx + side * 0.2 * unit * sx, y: cy - (0.175 + 0.04 * pose.browOuter) * unit * sy)
            image.strokeLine(from: inner, to: outer, thickness: max(1.5, 0.03 * unit), brow)
            if pose.noseWrinkle > 0.15 {
                image.strokeLine(from: (cx + side * 0.035 * unit, cy - 0.03 * unit),
                                 to: (cx + side * 0.065 * unit, cy + 0.015 * unit),
                                 thickness: max(1, 0.014 * unit * pose.noseWrinkle), shadow)
            }
        }

        // Nose.
        image.strokeLine(from: (cx, cy - 0.04 * unit), to: (cx + 0.012 * unit, cy + 0.06 * unit),
                         thickness: max(1, 0.018 * unit), shadow)
        image.fillEllipse(centerX: cx, centerY: cy + 0.075 * unit, radiusX: 0.04 * unit,
                          radiusY: max(0.6, 0.014 * unit), shadow)

        drawMouth(pose, centerX: cx, centerY: cy + 0.2 * unit * sy, unit: unit, lips: lips, into: &image)
    }

    /// The mouth: a curved line whose corners rise with a smile, opening into a dark gap, the
    /// upper lip pulled up on one side by disgust.
    private static func drawMouth(_ pose: FacePose, centerX: Double, centerY: Double, unit: Double, lips: RGB,
                                  into image: inout RGBImage) {
        let halfWidth = 0.11 * unit * max(0.3, pose.mouthWidth)
        let open = max(0, pose.mouthOpen)
        let lip = max(1, 0.02 * unit)
        func s(_ x: Double) -> Double { (x - centerX) / halfWidth }
        func middle(_ x: Double) -> Double { centerY - pose.mouthCurve * 0.05 * unit * s(x) * s(x) }
        func upper(_ x: Double) -> Double {
            let bulge = 1 - s(x) * s(x)
            return middle(x) - open * 0.035 * unit * bulge - max(0, pose.lipRaise) * 0.04 * unit * max(0, s(x)) * bulge
        }
        func lower(_ x: Double) -> Double { middle(x) + open * 0.08 * unit * (1 - s(x) * s(x)) }

        let left = Int((centerX - halfWidth).rounded(.down)), right = Int((centerX + halfWidth).rounded(.up))
        image.fillBetween(from: left, to: right, top: { upper($0) - lip / 2 }, bottom: { lower($0) + lip / 2 }, lips)
        guard open > 0.05 else { return }
        image.fillBetween(from: left + 1, to: right - 1, top: { upper($0) + lip / 2 },
                          bottom: { lower($0) - lip / 2 }, mouthInside)
        if pose.mouthCurve > 0.3 {
            // A smile shows the upper teeth.
            image.fillBetween(from: left + 2, to: right - 2, top: { upper($0) + lip / 2 },
                              bottom: { upper($0) + lip / 2 + 0.4 * (lower($0) - upper($0) - lip) }, teeth)
        }
    }
}
