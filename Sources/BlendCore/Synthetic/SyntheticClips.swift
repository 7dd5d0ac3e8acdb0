extension ScoredClips {
    /// A benchmark helper: `count` made-up clips shaped like BLEMORE (58 actors, 46 of them in
    /// five training folds, 12 in test; 60% single labels, 40% blends at 50/50, 70/30, 30/70)
    /// with probabilities that lean, by a per-actor strength, toward the labelled emotions.
    /// Probabilities are rounded to 6 decimals as in the challenge's CSV files, so ties and
    /// zeros occur. The same seed always gives the same clips.
    public static func synthetic(count: Int, seed: UInt64) -> ScoredClips {
        precondition(count >= 0)
        var rng = SeededGenerator(seed: seed)
        let actorCount = max(1, min(58, count))
        let trainActors = max(1, actorCount * 46 / 58)
        let strength = (0..<actorCount).map { _ in Double.random(in: 0.2...1.5, using: &rng) }
        let pairs = Emotion.blendable.indices.flatMap { a in
            Emotion.blendable.indices.dropFirst(a + 1).map { (Emotion.blendable[a], Emotion.blendable[$0]) }
        }
        var clips = [ClipInfo]()
        var probabilities = [Double]()
        clips.reserveCapacity(count)
        probabilities.reserveCapacity(count * Emotion.count)
        for n in 0..<count {
            let actor = n % actorCount
            let actorName = "A" + String(1000 + actor).dropFirst()
            let label: Label
            if Double.random(in: 0..<1, using: &rng) < 0.6 {
                label = .single(Emotion.allCases.randomElement(using: &rng)!)
            } else {
                let (a, b) = pairs.randomElement(using: &rng)!
                label = .blend(a, [50, 70, 30].randomElement(using: &rng)!, b)
            }
            var w = [Double](repeating: 0, count: Emotion.count)
            for c in w.indices where Double.random(in: 0..<1, using: &rng) >= 0.05 {
                let r = Double.random(in: 0..<1, using: &rng)
                w[c] = 0.6 * r * r
            }
            w[label.first.rawValue] += strength[actor] * Double(label.firstSalience) / 100
            if let s = label.second { w[s.rawValue] += strength[actor] * Double(label.secondSalience) / 100 }
            let total = w.reduce(0, +)
            probabilities.append(contentsOf: w.map { ($0 / total * 1e6).rounded() / 1e6 })
            let train = actor < trainActors
            // Names obey `ClipName`'s rule, so the clips import like real ones; a blend has no
            // take part, so its clip number goes into the version to keep names unique.
            let kind = label.isBlend
                ? "mix_\(label.first.code)_\(label.second!.code)_\(label.firstSalience)_\(label.secondSalience)_ver\(n + 1)"
                : "\(label.first.code)_n\(n)_ver1"
            clips.append(ClipInfo(name: "\(actorName)_\(kind)", actor: actorName,
                                  split: train ? .train : .test, fold: train ? actor % 5 : nil, label: label))
        }
        return ScoredClips(clips: clips, probabilities: probabilities)
    }
}
