@testable import BlendDemo
import XCTest
@testable import BlendCore

final class DemoFeaturesTests: XCTestCase {
    func testShapeAndRange() {
        let features = defaultDemo.features(encoder: 0)
        XCTAssertEqual(features.columns, defaultDemo.encoders[0].featureDimension)
        XCTAssertEqual(features.rows, defaultDemo.clips.count)
        XCTAssert(features.values.allSatisfy { $0.isFinite && abs($0) < 1.5 })
        XCTAssertEqual(features.row(3).count, features.columns)
    }

    func testWholeDatasetStaysUnderFortyMegabytes() {
        let floats = defaultDemo.encoders.reduce(0) { $0 + $1.featureDimension } * defaultDemo.clips.count
        XCTAssertLessThan(floats * MemoryLayout<Float>.size, 40_000_000)
    }

    /// Heads can be retrained from the features: a linear read-out fitted on four folds
    /// recovers the latent logits the probabilities were made from on the fifth.
    func testFeaturesCarryTheLatentEvidence() {
        let encoder = 5
        let features = defaultDemo.features(encoder: encoder)
        let latent = defaultDemo.latents[encoder]
        let clips = defaultDemo.clips
        let fit = clips.indices.filter { clips[$0].info.fold.map { $0 < 4 } ?? false }
        let held = clips.indices.filter { clips[$0].info.fold == 4 }
        let width = features.columns + 1
        func inputs(_ c: Int) -> [Double] { features.row(c).map(Double.init) + [1] }

        var gram = [Double](repeating: 0, count: width * width)
        var cross = [Double](repeating: 0, count: width * Emotion.count)
        for c in fit {
            let x = inputs(c)
            for i in 0..<width {
                for j in 0...i { gram[i * width + j] += x[i] * x[j] }
                for k in 0..<Emotion.count { cross[i * Emotion.count + k] += x[i] * latent[c * Emotion.count + k] }
            }
        }
        for i in 0..<width {
            for j in 0..<i { gram[j * width + i] = gram[i * width + j] }
            gram[i * width + i] += 1e-3
        }
        let weights = solve(gram, cross, size: width, outputs: Emotion.count)

        var residual = 0.0, total = 0.0
        for k in 0..<Emotion.count {
            let mean = held.reduce(0) { $0 + latent[$1 * Emotion.count + k] } / Double(held.count)
            for c in held {
                let x = inputs(c)
                var prediction = 0.0
                for i in 0..<width { prediction += x[i] * weights[i * Emotion.count + k] }
                let truth = latent[c * Emotion.count + k]
                residual += (truth - prediction) * (truth - prediction)
                total += (truth - mean) * (truth - mean)
            }
        }
        XCTAssertGreaterThan(1 - residual / total, 0.9, "held-out R² of the linear read-out")
    }

    /// Gaussian elimination with partial pivoting on A·X = B (A size×size, B size×outputs).
    func solve(_ a: [Double], _ b: [Double], size n: Int, outputs m: Int) -> [Double] {
        var a = a, b = b
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0 * n + col]) < abs(a[$1 * n + col]) }!
            if pivot != col {
                for j in 0..<n { a.swapAt(col * n + j, pivot * n + j) }
                for j in 0..<m { b.swapAt(col * m + j, pivot * m + j) }
            }
            for row in (col + 1)..<n {
                let f = a[row * n + col] / a[col * n + col]
                if f == 0 { continue }
                for j in col..<n { a[row * n + j] -= f * a[col * n + j] }
                for j in 0..<m { b[row * m + j] -= f * b[col * m + j] }
            }
        }
        var x = [Double](repeating: 0, count: n * m)
        for row in stride(from: n - 1, through: 0, by: -1) {
            for j in 0..<m {
                var s = b[row * m + j]
                for k in (row + 1)..<n { s -= a[row * n + k] * x[k * m + j] }
                x[row * m + j] = s / a[row * n + row]
            }
        }
        return x
    }
}
