import BlendCore
import Foundation

/// Made-up but deterministic data for the widget showcase, so it needs no project: clip
/// names, probabilities and a score surface. Nothing here is a real result.
enum ShowcaseData {
    static let rowCount = 100_000
    static let encoders = ["S4D face", "Wav2Vec2 L6–12", "Gemini Emb. 2.0", "HiCMAE", "VideoSwin", "CLIP"]
    static let weights = [0.117, 0.111, 0.192, 0.103, 0.032, 0.0]
    static let grid = (0..<20).map { 0.05 + Double($0) * 0.9 / 19 }

    /// SplitMix64: a good spread from consecutive seeds, so neighbouring rows look unrelated.
    static func random(_ seed: UInt64) -> Double {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53)
    }

    static func clipName(_ row: Int) -> String {
        let actor = "A\(100 + row % 400)"
        let pairs = [("ang", "fea"), ("disg", "sad"), ("hap", "sad"), ("ang", "hap"), ("fea", "sad")]
        switch row % 4 {
        case 0: return "\(actor)_\(Emotion.allCases[row / 4 % 6].code)_int\(row % 3 + 1)_ver1"
        case 1:
            let (a, b) = pairs[row / 4 % 5]
            return "\(actor)_mix_\(a)_\(b)_50_50_ver\(row % 2 + 1)"
        default:
            let (a, b) = pairs[row / 4 % 5]
            return "\(actor)_mix_\(a)_\(b)_70_30_ver\(row % 2 + 1)"
        }
    }

    /// Six probabilities summing to 1 for one encoder (or the fusion, `encoder` = -1).
    static func probabilities(row: Int, encoder: Int) -> [Double] {
        let raw = (0..<6).map { (k: Int) -> Double in
            let u = random(UInt64(row * 97 + (encoder + 1) * 13 + k))
            return u * u * u
        }
        let total = raw.reduce(0, +)
        return raw.map { $0 / total }
    }

    /// A smooth made-up Score over α × β with its peak near α .3, β .25.
    static func score(alpha: Double, beta: Double) -> Double {
        let da: Double = alpha - 0.3, db: Double = beta - 0.25
        let ripple: Double = 0.01 * sin(alpha * 17) * cos(beta * 13)
        return 0.31 - 0.35 * da * da - 0.25 * db * db + ripple
    }

    /// A made-up ACC_S(β) curve; `shift` moves its peak (for per-fold curves).
    static func accS(beta: Double, shift: Double) -> Double {
        let z: Double = (beta - 0.25 - shift) / 0.18
        return 0.3 * exp(-z * z) + 0.05
    }
}
