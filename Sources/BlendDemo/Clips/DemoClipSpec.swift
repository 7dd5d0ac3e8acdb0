import BlendMedia
import BlendCore

/// What one demo clip shows and how it is encoded: a face acting out `label`, varied by `seed`.
public struct DemoClipSpec: Sendable, Hashable {
    public var label: Label
    /// Chooses the face's look, the timing of each emotion, blinks and head sway.
    public var seed: UInt64
    public var duration: Double
    /// Width and height in pixels (the clip is square; even, as 4:2:0 video needs).
    public var size: Int
    public var fps: Int

    /// `duration` nil picks `suggestedDuration(for:seed:)`.
    public init(label: Label, seed: UInt64, duration: Double? = nil, size: Int = 96, fps: Int = 15) {
        precondition(size >= 16 && size % 2 == 0, "the demo clip size must be even and at least 16")
        precondition(fps > 0, "fps must be positive")
        self.label = label
        self.seed = seed
        self.duration = duration ?? DemoClipSpec.suggestedDuration(for: label, seed: seed)
        self.size = size
        self.fps = fps
    }

    /// Frames in the clip (at least one).
    public var frameCount: Int { max(1, Int((duration * Double(fps)).rounded())) }

    /// 2–4 s for one emotion, 3–5 s for a blend: in BLEMORE, blends run longer.
    public static func suggestedDuration(for label: Label, seed: UInt64) -> Double {
        var random = SeededGenerator(seed: seed ^ 0xD0_4A71_0C11)
        let base = label.isBlend ? 3.0 : 2.0
        return base + 2 * Double.random(in: 0...1, using: &random)
    }
}
