import BlendCore

extension ProjectStore {
    /// The clips and probabilities of any source: an encoder's as stored, a fusion's fused
    /// from its encoders' probabilities with its weights (clips lacking an encoder are fused
    /// from those present, weights renormalised).
    ///
    /// - Throws: `StoreError.unknownEncoder` / `.unknownFusion`.
    public func scoredClips(source: SourceRef) throws -> ScoredClips {
        switch source {
        case .encoder(let name):
            return try scoredClips(encoder: name)
        case .fusion(let name):
            let fusion = try fusion(named: name)
            // Only the encoders the fusion weighs count (`LateFusion` skips weight 0).
            let table = try allProbabilityTables(only: Set(fusion.spec.weights.filter { $0.weight > 0 }.map(\.encoder))).labelled
            var weights = [Double](repeating: 0, count: table.encoders.count)
            for w in fusion.spec.weights {
                guard let m = table.index(of: w.encoder) else { throw StoreError.unknownEncoder(w.encoder) }
                weights[m] = w.weight
            }
            let fused = LateFusion(probabilities: table.values, present: table.present).fuse(weights: weights)
            return ScoredClips(clips: fused.clipIndices.map { table.clips[$0] }, probabilities: fused.probabilities)
        }
    }

    /// The unlabelled test clips of any source with their probabilities (a fusion's fused the
    /// same way as `scoredClips(source:)`): decoded for the Clips screen and the submission,
    /// never scored.
    public func unlabelledScores(source: SourceRef) throws -> UnlabelledScores {
        switch source {
        case .encoder(let name):
            return try encoderScores(name).unlabelled
        case .fusion(let name):
            let fusion = try fusion(named: name)
            let tables = try allProbabilityTables(only: Set(fusion.spec.weights.filter { $0.weight > 0 }.map(\.encoder)))
            let table = tables.unlabelled
            guard !table.clips.isEmpty else { return .empty }
            var weights = [Double](repeating: 0, count: tables.labelled.encoders.count)
            for w in fusion.spec.weights {
                guard let m = tables.labelled.index(of: w.encoder) else { throw StoreError.unknownEncoder(w.encoder) }
                weights[m] = w.weight
            }
            let fused = LateFusion(probabilities: table.values, present: table.present).fuse(weights: weights)
            return UnlabelledScores(clips: fused.clipIndices.map { table.clips[$0] }, probabilities: fused.probabilities)
        }
    }

    /// Every encoder's probabilities aligned to `clips` (unlabelled clips, by name): the Clips
    /// screen's per-encoder bars for them.
    public func unlabelledPanel(aligningTo clips: [UnlabelledClip]) throws -> EncoderPanel {
        let tables = try allProbabilityTables()
        let table = tables.unlabelled, names = tables.labelled.encoders
        var position = [String: Int]()
        for (i, c) in table.clips.enumerated() { position[c.name] = i }
        let rows = clips.map { position[$0.name] }
        var values = [[Double]](), present = [[Bool]]()
        for m in names.indices {
            var v = [Double](repeating: 0, count: clips.count * Emotion.count)
            var has = [Bool](repeating: false, count: clips.count)
            for (n, row) in rows.enumerated() {
                guard let i = row, table.present[m][i] else { continue }
                has[n] = true
                for k in 0..<Emotion.count { v[n * Emotion.count + k] = table.values[m][i * Emotion.count + k] }
            }
            values.append(v)
            present.append(has)
        }
        return EncoderPanel(names: names, values: values, present: present)
    }

    /// How many unlabelled test clips the project holds (they are in every `all` and `test`
    /// scope and never scored: outputs say how many they left out).
    public func unlabelledCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM clip WHERE label IS NULL") ?? 0 }
    }
}
