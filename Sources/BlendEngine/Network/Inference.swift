import BlendCore

extension Network {
    /// Evaluation-mode class probabilities (rows × 6, Double) for packed, standardised rows,
    /// `capacity` rows at a time; with `targets` also the batch-mean KL loss over all rows.
    func predict(features: UnsafePointer<Float>, rows: Int, targets: UnsafePointer<Float>? = nil,
                 into probabilities: UnsafeMutablePointer<Double>) -> Double? {
        var lossSum = 0.0
        var start = 0
        while start < rows {
            let count = min(capacity, rows - start)
            let logits = forward(features + start * inputWidth, rows: count, training: false)
            KLDivergence.probabilities(logits: logits, rows: count, into: probabilities + start * Emotion.count)
            if let targets {
                lossSum += KLDivergence.loss(logits: logits, targets: targets + start * Emotion.count,
                                             rows: count) * Double(count)
            }
            start += count
        }
        return targets == nil || rows == 0 ? nil : lossSum / Double(rows)
    }
}
