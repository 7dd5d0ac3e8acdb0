/// A made-up encoder for tests and benchmarks whose worth to a fusion is known by design.
public struct SyntheticEncoder: Sendable, Hashable {
    /// Which actors' clips the encoder knows anything about.
    public enum Actors: Sendable, Hashable {
        case all
        /// Actors at even (or odd) positions in sorted order: two such encoders complement
        /// each other exactly. On the other actors the encoder answers almost uniformly.
        case even, odd
    }

    public var name: String
    /// How far its probabilities lean toward the label; 0 is pure noise.
    public var strength: Double
    /// Per class (challenge order), a multiplier of `strength`: a face model may see
    /// happiness better than fear.
    public var classSkill: [Double]
    public var actors: Actors
    /// Weight of a noise component shared by every encoder (errors that go together).
    public var sharedNoise: Double
    /// The share of clips with a prediction (1: all of them).
    public var coverage: Double

    public init(name: String, strength: Double, classSkill: [Double] = [1, 1, 1, 1, 1, 1], actors: Actors = .all,
                sharedNoise: Double = 0, coverage: Double = 1) {
        precondition(classSkill.count == Emotion.count, "one skill per class")
        self.name = name
        self.strength = strength
        self.classSkill = classSkill
        self.actors = actors
        self.sharedNoise = sharedNoise
        self.coverage = coverage
    }
}

extension FusionInputs {
    /// `clipCount` clips shaped like BLEMORE (as ``ScoredClips/synthetic(count:seed:)``: 58
    /// actors, 46 of them in five folds, the rest test) with one probability table per
    /// encoder. Each clip's probabilities mix the encoder's own noise, the shared noise and a
    /// lean toward the labelled emotions scaled by strength, class skill and the actor's
    /// expressiveness; rounded to 6 decimals as the challenge's files are. Same seed, same data.
    public static func synthetic(clipCount: Int, encoders: [SyntheticEncoder], seed: UInt64) -> FusionInputs {
        precondition(!encoders.isEmpty, "at least one encoder")
        let clips = ScoredClips.synthetic(count: clipCount, seed: seed).clips
        var rng = SeededGenerator(seed: seed ^ 0xF05E)
        let actorNames = Set(clips.map(\.actor)).sorted()
        var actorPosition = [String: Int]()
        for (i, a) in actorNames.enumerated() { actorPosition[a] = i }
        let expressiveness = actorNames.map { _ in Double.random(in: 0.5...1.5, using: &rng) }
        let shared = (0..<(clipCount * Emotion.count)).map { _ in noise(&rng) }
        var probabilities: [[Double]] = []
        var present: [[Bool]] = []
        for encoder in encoders {
            var p = [Double]()
            p.reserveCapacity(clipCount * Emotion.count)
            var has = [Bool]()
            has.reserveCapacity(clipCount)
            for (n, clip) in clips.enumerated() {
                let actor = actorPosition[clip.actor]!
                let knows = switch encoder.actors {
                case .all: true
                case .even: actor % 2 == 0
                case .odd: actor % 2 == 1
                }
                var row: [Double]
                if knows {
                    row = (0..<Emotion.count).map { c in noise(&rng) + encoder.sharedNoise * shared[n * Emotion.count + c] }
                    let lean = encoder.strength * expressiveness[actor]
                    row[clip.label.first.rawValue] += lean * encoder.classSkill[clip.label.first.rawValue]
                        * Double(clip.label.firstSalience) / 100
                    if let s = clip.label.second {
                        row[s.rawValue] += lean * encoder.classSkill[s.rawValue] * Double(clip.label.secondSalience) / 100
                    }
                } else {
                    // A model that sees no cue answers almost uniformly.
                    row = (0..<Emotion.count).map { _ in 1 + 0.1 * noise(&rng) }
                }
                let total = row.reduce(0, +)
                p.append(contentsOf: row.map { ($0 / total * 1e6).rounded() / 1e6 })
                has.append(encoder.coverage >= 1 || Double.random(in: 0..<1, using: &rng) < encoder.coverage)
            }
            probabilities.append(p)
            present.append(has)
        }
        return FusionInputs(clips: clips, encoders: encoders.map(\.name), probabilities: probabilities, present: present)
    }

    /// Twelve encoders like the reference system's: four strong ones with different class
    /// skills (they complement each other), four middling, four weak and nearly useless, all
    /// sharing some noise. Names say the part each plays; `adapted` ones are the strong and
    /// the first two middling, as task-adapted encoders are in the reference system.
    public static func referenceLike(clipCount: Int = 3050, seed: UInt64 = 5) -> (inputs: FusionInputs, adapted: Set<String>) {
        var rng = SeededGenerator(seed: seed ^ 0x12E)
        let strengths: [Double] = [0.35, 0.32, 0.3, 0.28, 0.18, 0.16, 0.14, 0.12, 0.04, 0.03, 0.02, 0.01]
        let names = ["strong-1", "strong-2", "strong-3", "strong-4", "middling-1", "middling-2", "middling-3",
                     "middling-4", "weak-1", "weak-2", "weak-3", "weak-4"]
        let encoders = strengths.indices.map { m in
            SyntheticEncoder(name: names[m], strength: strengths[m],
                             classSkill: (0..<Emotion.count).map { _ in Double.random(in: 0.3...1.7, using: &rng) },
                             sharedNoise: 0.25)
        }
        return (synthetic(clipCount: clipCount, encoders: encoders, seed: seed), Set(names.prefix(6)))
    }

    /// A skewed non-negative noise value (mean 0.2), as logits-turned-probabilities look.
    private static func noise(_ rng: inout SeededGenerator) -> Double {
        let r = Double.random(in: 0..<1, using: &rng)
        return 0.6 * r * r
    }
}
