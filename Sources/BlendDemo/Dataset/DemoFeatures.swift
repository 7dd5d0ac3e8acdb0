import BlendCore

/// One encoder's synthetic feature matrix: a row of `columns` values per clip, row-major, in the
/// dataset's clip order (the same shape as the store's `FeatureMatrix`).
public struct DemoFeatures: Sendable, Equatable {
    public let columns: Int
    public let values: [Float]

    public init(columns: Int, values: [Float]) {
        precondition(columns > 0 && values.count % columns == 0, "values must hold whole rows")
        self.columns = columns
        self.values = values
    }

    public var rows: Int { values.count / columns }

    public func row(_ i: Int) -> ArraySlice<Float> { values[(i * columns)..<((i + 1) * columns)] }
}

/// How features are made from the latent evidence, so that a head retrained on them can do at
/// least as well as the shipped probabilities: each row is a fixed random projection of
/// [the encoder's latent logits, the actor's look, the take's nuisance], through a mild
/// nonlinearity (softsign), plus a little noise. The latent logits are recoverable from the
/// many columns; they lack the shipped head's own mistakes (its head noise and part of its
/// private confusions, see `DemoEvidence.logits`), which a retrained head need not repeat.
/// Checked while tuning: a one-hidden-layer MLP (64 units) trained out-of-fold on these
/// features beat every encoder's shipped Score by 0.004–0.03.
enum DemoFeatureSynthesis {
    static let actorNuisanceWidth = 4
    static let clipNuisanceWidth = 4
    /// Brings the latent logits (a few units) into softsign's gently curved range.
    static let latentScale = 1.0 / 3.0
    static let columnNoise = 0.05

    /// Per actor, the nuisance every encoder sees (identity, set, voice): `actors` × width.
    static func actorNuisance(actors: Int, _ random: inout DemoRandom) -> [Double] {
        (0..<(actors * actorNuisanceWidth)).map { _ in random.normal() }
    }

    static func features(latent: [Double], actorOfClip: [Int], actorNuisance: [Double], columns: Int,
                         _ random: inout DemoRandom) -> DemoFeatures {
        let inputs = Emotion.count + actorNuisanceWidth + clipNuisanceWidth
        let scale = 1 / Double(inputs).squareRoot()
        let weights = (0..<(columns * inputs)).map { _ in scale * random.normal() }
        let offsets = (0..<columns).map { _ in 0.3 * random.normal() }
        let n = actorOfClip.count
        var values = [Float](repeating: 0, count: n * columns)
        var x = [Double](repeating: 0, count: inputs)
        for c in 0..<n {
            for k in 0..<Emotion.count { x[k] = latent[c * Emotion.count + k] * latentScale }
            let a = actorOfClip[c]
            for j in 0..<actorNuisanceWidth { x[Emotion.count + j] = actorNuisance[a * actorNuisanceWidth + j] }
            for j in 0..<clipNuisanceWidth { x[Emotion.count + actorNuisanceWidth + j] = random.normal() }
            for d in 0..<columns {
                var u = offsets[d]
                let w = d * inputs
                for j in 0..<inputs { u += weights[w + j] * x[j] }
                let softsign = u / (1 + abs(u))
                values[c * columns + d] = Float(softsign + columnNoise * random.normal())
            }
        }
        return DemoFeatures(columns: columns, values: values)
    }
}
