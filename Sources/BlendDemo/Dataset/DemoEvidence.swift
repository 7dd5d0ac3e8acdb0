import BlendCore

/// The latent world behind the demo's probabilities: actors, clips, and what each encoder makes
/// of them. Every encoder's logits for a clip are
///
///     gain · intensity · visibility[k] · strength[k]        (the emotions shown)
///   + sensitivity · salienceGain · intensity · contrast(actor) · direction[k]
///                                                   (70/30: +1 on the major emotion, −1 minor)
///   + actor bias[k] + shared noise[k] + shared confusion[k]       (what all encoders share)
///   + actor tilt · (±1 on a blend's two emotions)
///   + view noise[k]                                 (what the encoders of one view share)
///   + neutral drift (k = neu)                                     (weak acting looks neutral)
///   + private noise[k] · (1 − focus · shown[k]) + private confusion[k]
///
/// so encoders agree on hard clips and actors but err privately too, and late fusion helps
/// without being absurd. The actor's `contrast` is the salience factor: actors who compress it
/// to near 0 make 70/30 look like 50/50, and uneven actors tilt even their 50/50 blends; both
/// spread the best β across folds and actors.
struct DemoEvidence: Sendable {
    /// What an actor brings to all their clips.
    struct Actor: Sendable {
        var contrast: Double
        /// Spread of the random tilt between a blend's two emotions.
        var unevenness: Double
        var expressiveness: Double
        var bias: [Double]
    }

    let world: DemoWorld
    let labels: [Label]
    let actorOfClip: [Int]
    let actors: [Actor]
    /// Per clip: how strongly it is acted (actor expressiveness included).
    let intensity: [Double]
    /// Per clip: the 70/30 margin in logits (salienceGain · intensity · contrast), before the
    /// encoder's `salienceSensitivity`.
    let salienceMargin: [Double]
    /// Per clip, N×6: the logit part every encoder shares (actor bias, shared noise and
    /// confusion, the actor's tilt, neutral drift).
    let common: [Double]
    /// Per view (in `DemoEncoderSpec.View.allCases` order), N×6 noise its encoders share.
    let viewCommon: [[Double]]

    init(clips: [DemoClip], world: DemoWorld, actorStream: inout DemoRandom, clipStream: inout DemoRandom,
         viewStream: inout DemoRandom) {
        self.world = world
        labels = clips.map(\.info.label)
        var actorIndex: [String: Int] = [:]
        actorOfClip = clips.map { clip in
            if let i = actorIndex[clip.info.actor] { return i }
            actorIndex[clip.info.actor] = actorIndex.count
            return actorIndex.count - 1
        }
        let count = actorIndex.count
        let compressors = Self.quota(world.compressorShare, of: count, &actorStream)
        let uneven = Self.quota(world.unevenShare, of: count, &actorStream)
        actors = (0..<count).map { a in
            Self.drawActor(world, compresses: compressors.contains(a), uneven: uneven.contains(a), &actorStream)
        }

        var intensity = [Double](repeating: 0, count: clips.count)
        var margin = [Double](repeating: 0, count: clips.count)
        var common = [Double](repeating: 0, count: clips.count * Emotion.count)
        for c in clips.indices {
            let actor = actors[actorOfClip[c]]
            let level = actor.expressiveness * DemoMath.exponential(world.clipIntensitySpread * clipStream.normal())
            intensity[c] = level
            margin[c] = world.salienceGain * level * actor.contrast
            let confusion = Self.confusion(labels[c], chance: world.sharedConfusionChance,
                                           boost: world.confusionBoost, &clipStream)
            let tilt = Self.tilt(labels[c], actor.unevenness * clipStream.normal())
            for k in 0..<Emotion.count {
                var z = actor.bias[k] + world.sharedNoise * clipStream.normal() + confusion[k] + tilt[k]
                if k == Emotion.neu.rawValue {
                    z += world.neutralBase + world.neutralWeakness * min(1, max(-1, 1 - level))
                }
                common[c * Emotion.count + k] = z
            }
        }
        self.intensity = intensity
        salienceMargin = margin
        self.common = common
        viewCommon = DemoEncoderSpec.View.allCases.map { _ in
            (0..<(clips.count * Emotion.count)).map { _ in world.viewNoise * viewStream.normal() }
        }
    }

    /// Exactly `share` of `count` actors, chosen at random: a fixed quota rather than a coin per
    /// actor, so that every seed has about as many compressing and uneven actors as the world says.
    static func quota(_ share: Double, of count: Int, _ random: inout DemoRandom) -> Set<Int> {
        var order = Array(0..<count)
        random.shuffle(&order)
        return Set(order.prefix(Int((share * Double(count)).rounded())))
    }

    static func drawActor(_ world: DemoWorld, compresses: Bool, uneven: Bool, _ random: inout DemoRandom) -> Actor {
        let low = random.uniform(0, 0.25)
        let usual = min(2, max(0.3, world.contrastMean + world.contrastSpread * random.normal()))
        let expressiveness = DemoMath.exponential(world.actorExpressivenessSpread * random.normal())
        let bias = (0..<Emotion.count).map { _ in world.actorBiasSpread * random.normal() }
        let tilt = uneven ? random.uniform(0.5, 1.2) : random.uniform(0, 0.2)
        return Actor(contrast: compresses ? low : usual, unevenness: tilt, expressiveness: expressiveness, bias: bias)
    }

    /// +1 for a 70/30 blend's major emotion, −1 for its minor one, 0 elsewhere.
    static func salienceDirection(_ label: Label) -> [Double] {
        var d = [Double](repeating: 0, count: Emotion.count)
        guard let second = label.second, label.firstSalience != 50 else { return d }
        let sign: Double = label.firstSalience == 70 ? 1 : -1
        d[label.first.rawValue] = sign
        d[second.rawValue] = -sign
        return d
    }

    /// `+amount` on a blend's first emotion and `−amount` on its second; nothing for a single.
    static func tilt(_ label: Label, _ amount: Double) -> [Double] {
        var t = [Double](repeating: 0, count: Emotion.count)
        guard let second = label.second else { return t }
        t[label.first.rawValue] = amount
        t[second.rawValue] = -amount
        return t
    }

    /// The evidence of the emotions shown before gain and intensity: 1 for a single emotion,
    /// `blendStrength` for each emotion of a blend.
    static func strength(_ label: Label, blendStrength: Double) -> [Double] {
        var s = [Double](repeating: 0, count: Emotion.count)
        let each = label.isBlend ? blendStrength : 1
        for e in label.emotions { s[e.rawValue] = each }
        return s
    }

    /// A confusion event: with probability `chance`, one emotion that is not shown (drawn by
    /// `DemoWorld.confusability` from the shown ones) gets a boost of 0.5–1.5 × `boost`.
    /// Always consumes three uniforms, so the stream does not depend on the parameters.
    static func confusion(_ label: Label, chance: Double, boost: Double, _ random: inout DemoRandom) -> [Double] {
        let happens = random.chance(chance)
        let pickU = random.uniform()
        let size = boost * random.uniform(0.5, 1.5)
        var result = [Double](repeating: 0, count: Emotion.count)
        guard happens else { return result }
        var weights = [Double](repeating: 0, count: Emotion.count)
        for e in label.emotions {
            for k in 0..<Emotion.count { weights[k] += DemoWorld.confusability[e.rawValue][k] }
        }
        for e in label.emotions { weights[e.rawValue] = 0 }
        let total = weights.reduce(0, +)
        var acc = 0.0, target = Emotion.count - 1
        for k in 0..<Emotion.count where weights[k] > 0 {
            acc += weights[k] / total
            target = k
            if pickU < acc { break }
        }
        result[target] = size
        return result
    }

    /// One encoder's logits (N×6) and the part of them its features carry (N×6: the logits
    /// without the head noise and with only `seenConfusionShare` of the private confusion),
    /// from the encoder's own stream.
    func logits(of spec: DemoEncoderSpec, _ random: inout DemoRandom) -> (logits: [Double], latent: [Double]) {
        let n = labels.count, k6 = Emotion.count
        var logits = [Double](repeating: 0, count: n * k6)
        var latent = [Double](repeating: 0, count: n * k6)
        let visibility = spec.view.visibility
        let viewNoise = viewCommon[DemoEncoderSpec.View.allCases.firstIndex(of: spec.view)!]
        let carried = (1 - world.headNoiseShare).squareRoot(), head = world.headNoiseShare.squareRoot()
        for c in 0..<n {
            let label = labels[c]
            let strength = Self.strength(label, blendStrength: world.blendStrength)
            let direction = Self.salienceDirection(label)
            let margin = spec.salienceSensitivity * salienceMargin[c]
            let confusion = Self.confusion(label, chance: world.privateConfusionChance,
                                           boost: world.confusionBoost, &random)
            for k in 0..<k6 {
                let shownNoise = strength[k] > 0 ? 1 - spec.focus : 1
                let noise = world.privateNoise * shownNoise
                let carriedNoise = noise * carried * random.normal()
                let headNoise = noise * head * random.normal()
                let signal = spec.presenceGain * intensity[c] * visibility[k] * strength[k]
                let shared = common[c * k6 + k] + viewNoise[c * k6 + k]
                let seen = signal + margin * direction[k] + shared + carriedNoise
                latent[c * k6 + k] = seen + world.seenConfusionShare * confusion[k]
                logits[c * k6 + k] = seen + confusion[k] + headNoise
            }
        }
        return (logits, latent)
    }
}
