import BlendCore

/// The parameters every encoder shares: how actors and clips vary, and how that reaches the
/// encoders' logits (see `DemoEvidence`). Chosen once so that the dataset behaves like the
/// real BLEMORE folds (singles against blends, neutral, per-fold β, the gain of late fusion);
/// the per-encoder knobs in `DemoEncoderSpec.reference` were tuned with these held fixed.
struct DemoWorld: Hashable, Sendable {
    /// Spread (log scale) of how strongly a clip is acted, and of an actor's overall expressiveness.
    var clipIntensitySpread = 0.25
    var actorExpressivenessSpread = 0.20
    /// Spread of an actor's own per-class logit bias, which every encoder inherits.
    var actorBiasSpread = 0.25
    /// Share of actors who compress the 70/30 margin to almost nothing (contrast in 0...0.25);
    /// the others' contrast is normal around `contrastMean`, kept in 0.3...2.
    var compressorShare = 0.30
    var contrastMean = 1.1
    var contrastSpread = 0.45
    /// Share of actors who act blends unevenly: a random tilt between the two emotions of
    /// every blend (0.5–1.2 logits, against 0–0.2 for the others), so that even their 50/50
    /// blends look lopsided and their best β is large.
    var unevenShare = 0.25
    /// Logit offset between the two emotions of a 70/30 blend, per unit of intensity × contrast.
    var salienceGain = 0.35
    /// Evidence of each emotion in a blend relative to a single emotion's.
    var blendStrength = 0.65
    /// Clip-level logit noise every encoder sees (what makes their errors agree).
    var sharedNoise = 0.45
    /// Clip-level logit noise shared by the encoders of one view (generic frame encoders miss
    /// the same things), so equal-weight fusion over-counts a crowded view.
    var viewNoise = 0.6
    /// Each encoder's private logit noise before its `focus`.
    var privateNoise = 0.8
    /// Share of the private noise's variance that the features do not carry: the part a
    /// retrained head can avoid.
    var headNoiseShare = 0.3
    /// Share of an encoder's private confusion boost that its features carry; the rest was the
    /// shipped head's own mistake, which a retrained head need not repeat.
    var seenConfusionShare = 0.5
    /// Confusion events: with this chance a clip looks like a confusable emotion to every
    /// encoder (shared), or to one encoder only (private), by a boost of about this size.
    var sharedConfusionChance = 0.25
    var privateConfusionChance = 0.35
    var confusionBoost = 2.0
    /// Neutral's logit: `neutralBase + neutralWeakness × (1 − intensity)` (the last factor
    /// kept in −1...1), so weakly acted clips drift toward neutral.
    var neutralBase = -1.5
    var neutralWeakness = 2.0

    /// Which emotion a shown one is mistaken for, by weight (rows: shown, columns: taken for;
    /// challenge order). Anger and disgust trade places most, fear and sadness next.
    static let confusability: [[Double]] = [
        [0, 4, 2, 1, 2, 1],
        [4, 0, 1, 1, 2, 1],
        [2, 1, 0, 1, 3, 1],
        [1, 1, 1, 0, 1, 2],
        [2, 2, 3, 1, 0, 3],
        [1, 1, 1, 1, 2, 0],
    ]
}
