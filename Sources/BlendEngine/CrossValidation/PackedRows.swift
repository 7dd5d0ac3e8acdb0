import BlendCore

/// Packed, standardised rows for one training run, and their soft targets.
struct PackedRows {
    let features: [Float]
    let targets: [Float]
    let count: Int

    init(_ data: TrainingData, targets all: [Float], rows: [Int], standardiser: Standardiser) {
        features = standardiser.apply(to: data.features, rows: rows)
        var t = [Float]()
        t.reserveCapacity(rows.count * Emotion.count)
        for r in rows { t.append(contentsOf: all[(r * Emotion.count)..<((r + 1) * Emotion.count)]) }
        targets = t
        count = rows.count
    }
}
