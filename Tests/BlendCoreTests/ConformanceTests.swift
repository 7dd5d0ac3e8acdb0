import Foundation
import XCTest
import BlendCore

/// The challenge's own results, reproduced: decisions bit for bit, metrics to 1e-12.
final class ConformanceTests: XCTestCase {
    func testEveryDecodeVector() throws {
        let rows = try Fixtures.csv("decode_vectors.csv")
        XCTAssertEqual(rows[0], ["ang", "disg", "fea", "hap", "sad", "neu", "alpha", "beta", "expected"])
        XCTAssertEqual(rows.count, 3001)
        for row in rows.dropFirst() {
            let p = row[0..<6].map { Double($0)! }
            let decision = DecisionRule.decide(p, alpha: Double(row[6])!, beta: Double(row[7])!)
            XCTAssertEqual(decision.description, row[8], "\(row)")
        }
    }

    private struct Expected: Decodable {
        struct Grid: Decodable {
            let alpha, beta, acc_presence, acc_salience, presence_only, salience_only: Double
        }
        struct Point: Decodable { let alpha, beta, acc_presence, acc_salience: Double }
        let official_grid: Grid
        let points: [Point]
    }

    func testPublicSetPointsAndOfficialWinner() throws {
        let expected = try JSONDecoder().decode([String: Expected].self, from: Data(Fixtures.text("public_set/expected.json").utf8))
        XCTAssertEqual(Set(expected.keys), ["face", "audio"])
        for (encoder, want) in expected {
            let scored = try Fixtures.scoredClips(directory: "public_set", probabilities: "probs_\(encoder).csv")
            XCTAssertEqual(scored.count, 639, encoder)
            let index = SweepIndex(scored)
            for point in want.points {
                let t = Thresholds(alpha: point.alpha, beta: point.beta)
                for m in [scored.evaluate(t), index.metrics(at: t)] {
                    XCTAssertEqual(m.accPresence, point.acc_presence, accuracy: 1e-12, "\(encoder) \(t)")
                    XCTAssertEqual(m.accSalience, point.acc_salience, accuracy: 1e-12, "\(encoder) \(t)")
                }
            }
            let sweep = index.sweep(grid: .official)
            let grid = want.official_grid
            XCTAssertEqual(sweep.best.thresholds.alpha, grid.alpha, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep.best.thresholds.beta, grid.beta, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep.best.metrics.accPresence, grid.acc_presence, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep.best.metrics.accSalience, grid.acc_salience, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep.bestPresence.metrics.accPresence, grid.presence_only, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep.bestSalience.metrics.accSalience, grid.salience_only, accuracy: 1e-12, encoder)
            XCTAssertEqual(sweep, scored.naiveSweep(grid: .official), encoder)
            XCTAssertEqual(index.sweep(grid: .regular(step: 0.01)), scored.naiveSweep(grid: .regular(step: 0.01)), encoder)
        }
    }

    func testRealPredictionsOfficialWinner() throws {
        let scored = try Fixtures.realKL()
        XCTAssertEqual(scored.count, 3050)
        XCTAssertEqual(scored.clips.filter { $0.split == .train }.count, 2456)
        let best = SweepIndex(scored).sweep(grid: .official).best
        XCTAssertEqual(best.thresholds.alpha, 0.145, accuracy: 0.0005)
        XCTAssertEqual(best.thresholds.beta, 0.097, accuracy: 0.0005)
        XCTAssertEqual(best.metrics.accPresence, 0.270, accuracy: 0.0005)
        XCTAssertEqual(best.metrics.accSalience, 0.143, accuracy: 0.0005)
        XCTAssertEqual(best.metrics.score, 0.207, accuracy: 0.0005)
    }

    func testRealPredictionsFastSweepEqualsNaiveOnEveryCell() throws {
        let scored = try Fixtures.realKL()
        let index = SweepIndex(scored)
        for grid in [ThresholdGrid.official, .regular(step: 0.01)] {
            XCTAssertEqual(index.sweep(grid: grid), scored.naiveSweep(grid: grid))
        }
    }
}
