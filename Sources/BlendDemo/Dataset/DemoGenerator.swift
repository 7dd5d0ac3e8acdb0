import BlendCore

/// Builds the bundled demo: a BLEMORE-shaped dataset of about 3,055 clips from 58 actors with
/// twelve encoders' out-of-fold probabilities and features, the same for the same seed on every
/// machine. Pure values, no I/O: `DemoDataset` renders the challenge's CSV text.
///
///     let demo = DemoGenerator().generate()
///     let csv = demo.metadataCSV(split: .train)
public struct DemoGenerator: Sendable {
    public let seed: UInt64
    public let encoders: [DemoEncoderSpec]
    let world: DemoWorld

    /// Random streams, one per part, so that parts never shift each other's draws.
    enum Stream {
        static let roster: UInt64 = 1
        static let actors: UInt64 = 2
        static let clips: UInt64 = 3
        static let views: UInt64 = 4
        static let actorNuisance: UInt64 = 900
        static func encoder(_ index: Int) -> UInt64 { 100 + UInt64(index) }
        static func features(_ index: Int) -> UInt64 { 1000 + UInt64(index) }
    }

    /// The reference encoders (`DemoEncoderSpec.reference`) with the given seed.
    public init(seed: UInt64 = 2026) {
        self.init(seed: seed, encoders: DemoEncoderSpec.reference, world: DemoWorld())
    }

    init(seed: UInt64, encoders: [DemoEncoderSpec], world: DemoWorld) {
        self.seed = seed
        self.encoders = encoders
        self.world = world
    }

    public func generate() -> DemoDataset {
        var rosterStream = DemoRandom(seed: seed, stream: Stream.roster)
        let clips = DemoRoster.build(&rosterStream)
        let evidence = evidence(for: clips)
        var shipped: [[Int32]] = [], latents: [[Double]] = []
        for index in encoders.indices {
            let (logits, latent) = encoderLogits(index, evidence)
            var units = [Int32]()
            units.reserveCapacity(logits.count)
            for c in clips.indices {
                units += DemoRounding.micro(softmaxOf: logits[(c * Emotion.count)..<((c + 1) * Emotion.count)])
            }
            shipped.append(units)
            latents.append(latent)
        }
        return DemoDataset(seed: seed, clips: clips, encoders: encoders, shippedUnits: shipped, latents: latents,
                           actorOfClip: evidence.actorOfClip, actorCount: evidence.actors.count)
    }

    func evidence(for clips: [DemoClip]) -> DemoEvidence {
        var actorStream = DemoRandom(seed: seed, stream: Stream.actors)
        var clipStream = DemoRandom(seed: seed, stream: Stream.clips)
        var viewStream = DemoRandom(seed: seed, stream: Stream.views)
        return DemoEvidence(clips: clips, world: world, actorStream: &actorStream, clipStream: &clipStream,
                            viewStream: &viewStream)
    }

    func encoderLogits(_ index: Int, _ evidence: DemoEvidence) -> (logits: [Double], latent: [Double]) {
        var stream = DemoRandom(seed: seed, stream: Stream.encoder(index))
        return evidence.logits(of: encoders[index], &stream)
    }
}
