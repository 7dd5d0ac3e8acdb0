import BlendCore

/// The generated demo: clips in the challenge's order (training clips sorted by file name, then
/// test clips), the encoders, and each encoder's probabilities as shipped (6 decimals, rows
/// summing to 1). Features are computed on request, since they are the bulk of the data.
public struct DemoDataset: Sendable {
    public let seed: UInt64
    public let clips: [DemoClip]
    public let encoders: [DemoEncoderSpec]
    /// Per encoder, N×6 probabilities in millionths.
    let shippedUnits: [[Int32]]
    /// Per encoder, N×6 latent logits that the features carry.
    let latents: [[Double]]
    let actorOfClip: [Int]
    let actorCount: Int

    public var clipInfos: [ClipInfo] { clips.map(\.info) }

    /// The index of the encoder called `name` (its short `name`, not the reference name).
    public func encoderIndex(named name: String) -> Int? { encoders.firstIndex { $0.name == name } }

    /// The encoder's probabilities, N×6 row-major in the challenge's class order, exactly the
    /// values its CSV text holds.
    public func probabilities(encoder: Int) -> [Double] {
        shippedUnits[encoder].map { Double($0) / Double(DemoRounding.unitsPerOne) }
    }

    /// Every clip with the encoder's probabilities, ready for `evaluate` and sweeps.
    public func scoredClips(encoder: Int) -> ScoredClips {
        ScoredClips(clips: clipInfos, probabilities: probabilities(encoder: encoder))
    }

    /// The encoder's feature matrix (rows in clip order). Deterministic; computing it takes a
    /// moment for the wider encoders, so callers should keep the result.
    public func features(encoder: Int) -> DemoFeatures {
        var nuisanceStream = DemoRandom(seed: seed, stream: DemoGenerator.Stream.actorNuisance)
        let nuisance = DemoFeatureSynthesis.actorNuisance(actors: actorCount, &nuisanceStream)
        var stream = DemoRandom(seed: seed, stream: DemoGenerator.Stream.features(encoder))
        return DemoFeatureSynthesis.features(latent: latents[encoder], actorOfClip: actorOfClip,
                                             actorNuisance: nuisance, columns: encoders[encoder].featureDimension,
                                             &stream)
    }

    /// The challenge's metadata file for `split`: `filename, video_id, mix, emotion_1,
    /// emotion_2, emotion_1_salience, emotion_2_salience, version, fold`, the fold empty on the
    /// test split, CRLF line ends like the real files.
    public func metadataCSV(split: Split, lineEnding: String = "\r\n") -> String {
        var text = "filename,video_id,mix,emotion_1,emotion_2,emotion_1_salience,emotion_2_salience,version,fold"
        text += lineEnding
        for clip in clips where clip.info.split == split {
            let info = clip.info
            let fold = info.fold.map(String.init) ?? ""
            var fields = [info.name, info.actor]
            if let pair = Self.namedPair(info.name) {
                fields += ["1", pair.first, pair.second, pair.firstSalience, pair.secondSalience]
            } else {
                fields += ["0", info.label.first.code, "", "", ""]
            }
            fields += [String(clip.version), fold]
            text += fields.joined(separator: ",") + lineEnding
        }
        return text
    }

    /// The encoder's probabilities file: `filename,ang,disg,fea,hap,sad,neu`, 6 decimals; every
    /// clip (training then test, as the real files) unless `split` narrows it.
    public func probabilitiesCSV(encoder: Int, split: Split? = nil, lineEnding: String = "\r\n") -> String {
        var text = "filename," + Emotion.allCases.map(\.code).joined(separator: ",") + lineEnding
        let units = shippedUnits[encoder]
        for (c, clip) in clips.enumerated() where split == nil || clip.info.split == split {
            text += clip.info.name
            for k in 0..<Emotion.count { text += "," + DemoRounding.decimal(units[c * Emotion.count + k]) }
            text += lineEnding
        }
        return text
    }

    /// A blend's emotions and saliences in the order its file name gives them
    /// (`A438_mix_disg_hap_30_70_ver1` → disg, hap, 30, 70), as the metadata columns repeat them.
    static func namedPair(_ name: String) -> (first: String, second: String, firstSalience: String, secondSalience: String)? {
        let parts = name.split(separator: "_").map(String.init)
        guard parts.count >= 6, parts[1] == "mix" else { return nil }
        return (parts[2], parts[3], parts[4], parts[5])
    }
}
