extension ConfusionTables {
    /// The challenge's metrics read off the tables instead of decoding every clip again:
    /// presence is right on the presence diagonal, salience on the salience diagonal (a blend
    /// whose pair and split were both found), and blends are the clips of the pair rows.
    /// Equal to `ScoredClips.metrics(at:)` over the same scope (`ConfusionTests` checks it).
    public var metrics: Metrics {
        let pairRows = presence.rows.indices.filter { presence.rows[$0].isPair }
        return Metrics(clips: presence.total, blends: pairRows.reduce(0) { $0 + presence.rowTotal($1) },
                       presenceHits: presence.rows.indices.reduce(0) { $0 + presence.count(row: $1, column: $1) },
                       salienceHits: salience.rows.indices.reduce(0) { $0 + salience.count(row: $1, column: $1) })
    }
}
