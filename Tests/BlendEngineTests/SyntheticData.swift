import BlendCore
@testable import BlendEngine

/// A small, learnable problem: each clip's features are its soft label spread over class
/// centroids, plus noise, with an offset and scale per column that standardisation removes.
enum SyntheticData {
    static let labels: [Label] = [
        .single(.ang), .single(.disg), .single(.fea), .single(.hap), .single(.sad), .single(.neu),
        .blend(.ang, 70, .fea), .blend(.hap, 50, .sad), .blend(.disg, 30, .hap), .blend(.fea, 50, .sad),
    ]

    /// `perFold` clips in each of `folds` folds, then `test` clips without a fold.
    static func make(columns: Int = 8, perFold: Int = 12, folds: Int = 3, test: Int = 10,
                     noise: Float = 0.3, seed: UInt64 = 5) -> TrainingData {
        var random = SeededRandom(seed: seed)
        let centroids = (0..<(Emotion.count * columns)).map { _ in random.nextFloat(in: -2, 2) }
        var features: [Float] = [], labels: [Label] = [], foldList: [Int?] = []
        let total = perFold * folds + test
        for i in 0..<total {
            let label = Self.labels[(i * 7 + i / 10) % Self.labels.count]
            let t = SoftLabel.distribution(of: label)
            for j in 0..<columns {
                var v: Float = 0
                for c in 0..<Emotion.count { v += t[c] * centroids[c * columns + j] }
                v += random.nextFloat(in: -noise, noise)
                features.append(v * Float(j + 1) + Float(10 * j))
            }
            labels.append(label)
            foldList.append(i < perFold * folds ? i % folds : nil)
        }
        return TrainingData(features: features, columns: columns, labels: labels, folds: foldList)
    }
}
