import BlendMedia

/// The size a sixel frame is decoded at. Sixel carries a byte or more a pixel, terminals decode
/// it slowly and draw it at its own size (there is no scaling), so a frame is kept narrower
/// than `maximumWidth` and, while playing, within the pixels the terminal's measured pace
/// allows at the clip's frame rate — a smaller picture that keeps time rather than a sharp one
/// that drops most frames.
enum SixelFrameSize {
    static let maximumWidth = 640
    /// Below this a face is no longer worth a picture; the frame rate gives way instead.
    static let minimumWidth = 160

    static func capped(_ fit: PixelSize, budget: Int?) -> PixelSize {
        var scale = min(1, Double(maximumWidth) / Double(fit.width))
        if let budget {
            let area = Double(fit.width * fit.height) * scale * scale
            if area > Double(budget) { scale *= (Double(max(budget, 1)) / area).squareRoot() }
            scale = max(scale, min(1, Double(minimumWidth) / Double(fit.width)))
        }
        guard scale < 1 else { return fit }
        return PixelSize(width: max(1, Int(Double(fit.width) * scale)), height: max(1, Int(Double(fit.height) * scale)))
    }
}
