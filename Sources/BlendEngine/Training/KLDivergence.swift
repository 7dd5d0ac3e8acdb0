import BlendCore
import Foundation

/// The loss: KL divergence from the predicted distribution to the soft label,
/// `Σ_c t_c·(log t_c − log p_c)` with 0·log 0 = 0, averaged over the rows of the batch —
/// PyTorch's `KLDivLoss(reduction: "batchmean")` applied to `log_softmax(logits)`.
///
/// Log-softmax is computed per row after subtracting the row maximum, in Double (six values
/// a row cost nothing), so neither huge nor tiny logits overflow or lose the loss.
public enum KLDivergence {
    /// The batch-mean loss over `rows` rows of logits and targets (both rows × 6). When
    /// `gradient` is given it receives ∂loss/∂logits = (p·Σt − t)/rows.
    @discardableResult
    public static func loss(logits: UnsafePointer<Float>, targets: UnsafePointer<Float>, rows: Int,
                            gradient: UnsafeMutablePointer<Float>? = nil) -> Double {
        let c = Emotion.count
        var total = 0.0
        let scale = 1 / Double(rows)
        for r in 0..<rows {
            let z = logits + r * c, t = targets + r * c
            var maximum = Double(z[0])
            for k in 1..<c { maximum = max(maximum, Double(z[k])) }
            var sumExp = 0.0
            for k in 0..<c { sumExp += exp(Double(z[k]) - maximum) }
            let logNormaliser = maximum + log(sumExp)
            var targetMass = 0.0
            for k in 0..<c {
                let tk = Double(t[k])
                targetMass += tk
                if tk > 0 { total += tk * (log(tk) - (Double(z[k]) - logNormaliser)) }
            }
            if let gradient {
                let g = gradient + r * c
                for k in 0..<c {
                    let p = exp(Double(z[k]) - logNormaliser)
                    g[k] = Float((p * targetMass - Double(t[k])) * scale)
                }
            }
        }
        return total * scale
    }

    /// Softmax of each row of logits, in Double (the probabilities the decision rule reads).
    public static func probabilities(logits: UnsafePointer<Float>, rows: Int,
                                     into output: UnsafeMutablePointer<Double>) {
        let c = Emotion.count
        for r in 0..<rows {
            let z = logits + r * c, p = output + r * c
            var maximum = Double(z[0])
            for k in 1..<c { maximum = max(maximum, Double(z[k])) }
            var sumExp = 0.0
            for k in 0..<c {
                p[k] = exp(Double(z[k]) - maximum)
                sumExp += p[k]
            }
            for k in 0..<c { p[k] /= sumExp }
        }
    }
}
