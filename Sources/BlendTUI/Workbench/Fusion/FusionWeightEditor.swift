import BlendCore

/// The Fusion screen's weight moves on the simplex: one encoder's weight set, the other
/// active encoders renormalised (through `FusionWeightEdit.apply`) so that Σ stays 1, and
/// encoders switched off held at 0. Pure functions, so the reducer tests can check Σ = 1.
enum FusionWeightEditor {
    /// `weights` with encoder `index` set to `value` (clamped to 0…1, and to 1 when it is the
    /// only active encoder) and the other active encoders scaled to share the rest in their
    /// old proportions; equally when they all had 0. Inactive encoders stay 0.
    static func setting(_ index: Int, to value: Double, in weights: [Double], active: [Bool]) -> [Double] {
        let others = weights.indices.filter { $0 != index && active[$0] }
        // NaN would survive the clamp below (min/max pass it through) and poison every weight.
        guard active[index], !others.isEmpty, value.isFinite else { return weights }
        let v = min(max(value, 0), 1)
        let rest = others.reduce(0) { $0 + weights[$1] }
        var result = [Double](repeating: 0, count: weights.count)
        if v >= 1 {
            result[index] = 1
            return result
        }
        if rest <= 0 {
            // Nothing to keep proportional to: the others share the rest equally.
            result[index] = v
            for o in others { result[o] = (1 - v) / Double(others.count) }
            return result
        }
        // The selected encoder's raw weight is chosen so that, once `apply` divides by the
        // total, it comes out as exactly `v` and the others as w·(1 − v)/rest.
        let names = weights.indices.map(String.init)
        let current = others.map { (encoder: names[$0], weight: weights[$0]) }
        let edit = [(encoder: names[index], weight: v / (1 - v) * rest)]
        guard let applied = try? FusionWeightEdit.apply(edit, to: current) else { return weights }
        for pair in applied { result[Int(pair.encoder)!] = pair.weight }
        return result
    }

    /// Switches encoder `index` on (with an equal share, 1/k of k active encoders) or off (its
    /// weight handed to the others in proportion). Nil when that would switch every encoder off.
    static func toggling(_ index: Int, in weights: [Double], active: [Bool]) -> (weights: [Double], active: [Bool])? {
        var active = active
        if active[index] {
            guard active.filter({ $0 }).count > 1 else { return nil }
            // Moving it to 0 first hands its share to the others; then it leaves.
            let moved = setting(index, to: 0, in: weights, active: active)
            active[index] = false
            return (moved, active)
        }
        active[index] = true
        let share = 1 / Double(active.filter { $0 }.count)
        return (setting(index, to: share, in: weights, active: active), active)
    }

    /// `weights` over the active encoders, renormalised; equal weights when they sum to 0.
    static func normalised(_ weights: [Double], active: [Bool]) -> [Double] {
        let masked = weights.indices.map { active[$0] ? max(0, weights[$0]) : 0 }
        let total = masked.reduce(0, +)
        guard total > 0 else {
            let count = Double(active.filter { $0 }.count)
            return active.map { $0 ? 1 / count : 0 }
        }
        return masked.map { $0 / total }
    }
}
