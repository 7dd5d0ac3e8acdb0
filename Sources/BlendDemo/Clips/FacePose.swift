import BlendMedia
import BlendCore

/// The few facial controls the demo face has, as offsets a drawn face can show: brows, eyes,
/// mouth, nose and colour. Zero everywhere (with eyes at 1 and mouth width at 1) is neutral.
public struct FacePose: Sendable, Equatable {
    /// Inner and outer brow ends, raised (+) or lowered (−), in brow heights.
    public var browInner: Double
    public var browOuter: Double
    /// Eye opening: 1 neutral, 0 closed, up to ~1.8 wide with fear.
    public var eyeOpen: Double
    /// Mouth corners up (+, smile) or down (−, frown).
    public var mouthCurve: Double
    /// Lips apart: 0 closed, 1 wide open.
    public var mouthOpen: Double
    /// Mouth width relative to neutral.
    public var mouthWidth: Double
    /// One-sided upper-lip raise (disgust).
    public var lipRaise: Double
    /// Wrinkles beside the nose (disgust).
    public var noseWrinkle: Double
    /// Skin flushed red (+, anger) or drained pale (−, fear).
    public var flush: Double

    public static let neutral = FacePose(browInner: 0, browOuter: 0, eyeOpen: 1, mouthCurve: 0, mouthOpen: 0,
                                         mouthWidth: 1, lipRaise: 0, noseWrinkle: 0, flush: 0)

    /// How a full-intensity expression of `emotion` moves each control away from neutral,
    /// after the textbook action units: anger lowers and knits the brows, narrows the eyes and
    /// presses the lips; fear raises the brows, widens the eyes and opens the mouth; and so on.
    public static func change(for emotion: Emotion) -> FacePose {
        switch emotion {
        case .ang: FacePose(browInner: -1.2, browOuter: 0.3, eyeOpen: -0.4, mouthCurve: -0.35, mouthOpen: 0.1,
                            mouthWidth: -0.3, lipRaise: 0, noseWrinkle: 0.2, flush: 1)
        case .disg: FacePose(browInner: -0.5, browOuter: -0.3, eyeOpen: -0.35, mouthCurve: -0.5, mouthOpen: 0.1,
                             mouthWidth: -0.1, lipRaise: 1, noseWrinkle: 1, flush: 0.1)
        case .fea: FacePose(browInner: 1.1, browOuter: 0.5, eyeOpen: 0.75, mouthCurve: -0.25, mouthOpen: 0.85,
                            mouthWidth: 0.2, lipRaise: 0, noseWrinkle: 0, flush: -0.8)
        case .hap: FacePose(browInner: 0.15, browOuter: 0.15, eyeOpen: -0.35, mouthCurve: 1.1, mouthOpen: 0.35,
                            mouthWidth: 0.4, lipRaise: 0, noseWrinkle: 0, flush: 0.3)
        case .sad: FacePose(browInner: 0.9, browOuter: -0.7, eyeOpen: -0.4, mouthCurve: -1, mouthOpen: 0,
                            mouthWidth: -0.15, lipRaise: 0, noseWrinkle: 0, flush: -0.3)
        case .neu: FacePose(browInner: 0, browOuter: 0, eyeOpen: 0, mouthCurve: 0, mouthOpen: 0,
                            mouthWidth: 0, lipRaise: 0, noseWrinkle: 0, flush: 0)
        }
    }

    /// This pose moved by `change` scaled by `weight`.
    public func adding(_ change: FacePose, weight: Double) -> FacePose {
        FacePose(browInner: browInner + weight * change.browInner, browOuter: browOuter + weight * change.browOuter,
                 eyeOpen: eyeOpen + weight * change.eyeOpen, mouthCurve: mouthCurve + weight * change.mouthCurve,
                 mouthOpen: mouthOpen + weight * change.mouthOpen, mouthWidth: mouthWidth + weight * change.mouthWidth,
                 lipRaise: lipRaise + weight * change.lipRaise, noseWrinkle: noseWrinkle + weight * change.noseWrinkle,
                 flush: flush + weight * change.flush)
    }

    /// The pose of `label` at full intensity: each emotion's change weighted by its salience,
    /// so a 70/30 anger–fear blend is mostly anger with a trace of fear.
    public static func apex(of label: Label) -> FacePose {
        var pose = neutral
        for (emotion, salience) in zip(label.emotions, [label.firstSalience, label.secondSalience]) {
            pose = pose.adding(change(for: emotion), weight: Double(salience) / 100)
        }
        return pose
    }

    /// Euclidean distance over the controls, for comparing expressions.
    public func distance(to other: FacePose) -> Double {
        let d = [browInner - other.browInner, browOuter - other.browOuter, eyeOpen - other.eyeOpen,
                 mouthCurve - other.mouthCurve, mouthOpen - other.mouthOpen, mouthWidth - other.mouthWidth,
                 lipRaise - other.lipRaise, noseWrinkle - other.noseWrinkle, flush - other.flush]
        return d.map { $0 * $0 }.reduce(0, +).squareRoot()
    }
}
