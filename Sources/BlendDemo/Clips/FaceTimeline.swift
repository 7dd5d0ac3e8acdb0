import BlendMedia
import BlendCore
import Foundation

/// How one demo clip's face moves: when each emotion of the label sets in, blinks and sway,
/// and its look (skin, hair, background). Everything follows from the spec's seed.
struct FaceTimeline {
    struct Onset {
        let emotion: Emotion
        let weight: Double
        let start: Double
        let rise: Double
    }

    let onsets: [Onset]
    let blinks: [Double]
    let look: FaceLook
    private let swayAmplitude: Double
    private let swayFrequency: Double
    private let swayPhase: Double

    static let blinkLength = 0.2

    init(spec: DemoClipSpec) {
        var random = SeededGenerator(seed: spec.seed)
        look = FaceLook(random: &random)
        let duration = spec.duration

        // Emotions set in one after the other in a random order; in a blend the dominant one may
        // come second, sometimes after the first two seconds, as in the real recordings.
        var order = Array(zip(spec.label.emotions, [spec.label.firstSalience, spec.label.secondSalience]))
        order.shuffle(using: &random)
        var start = Double.random(in: 0.2...0.7, using: &random)
        var onsets: [Onset] = []
        for (emotion, salience) in order {
            let rise = Double.random(in: 0.4...0.8, using: &random)
            // Every emotion reaches its apex by 80% of the clip.
            let latest = max(0, duration * 0.8 - rise)
            onsets.append(Onset(emotion: emotion, weight: Double(salience) / 100, start: min(start, latest), rise: rise))
            start += Double.random(in: 0.2...1.6, using: &random)
        }
        self.onsets = onsets

        var blinks: [Double] = []
        var next = Double.random(in: 0.3...2.0, using: &random)
        while next < duration - Self.blinkLength {
            blinks.append(next)
            next += Double.random(in: 1.5...3.5, using: &random)
        }
        self.blinks = blinks

        swayAmplitude = Double.random(in: 0.005...0.02, using: &random)
        swayFrequency = Double.random(in: 0.15...0.45, using: &random)
        swayPhase = Double.random(in: 0...(2 * Double.pi), using: &random)
    }

    /// The expression at `time` seconds: neutral, moving toward the label's apex as each emotion
    /// sets in, with the eyes shut during a blink.
    func pose(at time: Double) -> FacePose {
        var pose = FacePose.neutral
        for onset in onsets {
            pose = pose.adding(FacePose.change(for: onset.emotion),
                               weight: onset.weight * Self.smoothstep((time - onset.start) / onset.rise))
        }
        if let blink = blinks.first(where: { time >= $0 && time < $0 + Self.blinkLength }) {
            // Closes and reopens: fully shut in the middle of the blink.
            let phase = (time - blink) / Self.blinkLength
            pose.eyeOpen *= abs(2 * phase - 1)
        }
        return pose
    }

    /// The head's offset from centre at `time`, in face units (a slow side-to-side sway).
    func headOffset(at time: Double) -> (x: Double, y: Double) {
        let angle = 2 * Double.pi * swayFrequency * time + swayPhase
        return (swayAmplitude * sin(angle), 0.4 * swayAmplitude * sin(2 * angle))
    }

    static func smoothstep(_ x: Double) -> Double {
        let t = min(1, max(0, x))
        return t * t * (3 - 2 * t)
    }
}

/// A demo actor's appearance.
struct FaceLook {
    let skin: RGB
    let hair: RGB
    let iris: RGB
    let shirt: RGB
    let background: RGB
    /// Face width and height relative to the average face.
    let widthScale: Double
    let heightScale: Double

    private static let skins = [RGB(241, 194, 165), RGB(224, 172, 138), RGB(198, 134, 96),
                                RGB(160, 102, 68), RGB(112, 72, 48), RGB(234, 192, 134)]
    private static let hairs = [RGB(40, 28, 22), RGB(90, 56, 30), RGB(150, 110, 60),
                                RGB(20, 20, 24), RGB(120, 120, 120)]
    private static let irises = [RGB(70, 45, 25), RGB(50, 90, 140), RGB(60, 100, 60), RGB(30, 25, 20)]
    private static let shirts = [RGB(40, 60, 110), RGB(120, 40, 40), RGB(50, 50, 50),
                                 RGB(200, 200, 200), RGB(60, 110, 70)]
    private static let backgrounds = [RGB(70, 90, 120), RGB(90, 110, 90), RGB(120, 100, 90),
                                      RGB(60, 70, 80), RGB(110, 110, 130), RGB(80, 100, 110)]

    init<G: RandomNumberGenerator>(random: inout G) {
        skin = Self.skins.randomElement(using: &random)!
        hair = Self.hairs.randomElement(using: &random)!
        iris = Self.irises.randomElement(using: &random)!
        shirt = Self.shirts.randomElement(using: &random)!
        background = Self.backgrounds.randomElement(using: &random)!
        widthScale = Double.random(in: 0.92...1.08, using: &random)
        heightScale = Double.random(in: 0.94...1.06, using: &random)
    }
}
