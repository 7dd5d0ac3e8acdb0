import BlendCore
import BlendTestSupport
import Foundation
import XCTest

/// The uncertainty statistics on the real HiCMAE predictions against the numpy reference
/// (`scripts/uncertainty_reference.py`): both draw their own replicates, so they agree within
/// Monte-Carlo error, not bit for bit.
final class UncertaintyReferenceTests: XCTestCase {
    private func reference(_ probs: String, b: String? = nil, alpha: Double, beta: Double,
                           replicates: Int = 20_000) throws -> [String: Any] {
        guard (try? run("/usr/bin/env", ["python3", "-c", "import numpy"])) != nil else {
            throw XCTSkip("numpy is not installed (scripts/install-deps.sh installs it)")
        }
        let real = Fixtures.root.appendingPathComponent("Data/real").path
        var args = ["python3", Fixtures.root.appendingPathComponent("scripts/uncertainty_reference.py").path,
                    "--metadata", "\(real)/train_metadata.csv", "\(real)/test_metadata.csv",
                    "--probs", "\(real)/\(probs)", "--alpha", "\(alpha)", "--beta", "\(beta)",
                    "--replicates", "\(replicates)", "--permutations", "10000"]
        if let b { args += ["--probs-b", "\(real)/\(b)"] }
        let data = try run("/usr/bin/env", args)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    private func run(_ tool: String, _ args: [String]) throws -> Data {
        let run = try ChildProcessRun.run(URL(fileURLWithPath: tool), args)
        guard run.status == 0 else { throw CocoaError(.executableLoad) }
        return run.stdout
    }

    private func pair(_ any: Any?) throws -> Interval {
        let a = try XCTUnwrap(any as? [Double])
        return Interval(a[0], a[1])
    }

    /// Percentile ends of a rate over ~55 actors at 20,000 replicates each side: the replicates'
    /// SD is about 0.01, so an end's Monte-Carlo SD is √(.025·.975/20,000)·σ/φ(1.96) ≈ 0.0002
    /// and 0.002 is about seven SDs of the difference of two.
    private func assertClose(_ a: Interval, _ b: Interval, _ tolerance: Double, _ what: String) {
        XCTAssertEqual(a.lo, b.lo, accuracy: tolerance, what)
        XCTAssertEqual(a.hi, b.hi, accuracy: tolerance, what)
    }

    func testRealDataAgainstNumpy() throws {
        for (name, other) in [("kl", "ce"), ("ce", "kl")] {
            let file = "probs_hicmae_\(name)_e100_last.csv", otherFile = "probs_hicmae_\(other)_e100_last.csv"
            let scored = try Fixtures.scoredClips(directory: "real", probabilities: file)
            let index = SweepIndex(scored)
            let plan = index.plan(.official)
            let best = plan.sweep().best.thresholds
            let ref = try reference(file, b: name == "kl" ? otherFile : nil, alpha: best.alpha, beta: best.beta)

            // Fixed thresholds: the scope's best cell.
            let settings = BootstrapSettings(replicates: 20_000)
            let ci = index.intervals(at: best, settings: settings)
            let fixed = try XCTUnwrap(ref["fixed"] as? [String: Any])
            assertClose(ci.accPresence, try pair(fixed["acc_presence"]), 0.002, "\(name) ACC_P")
            assertClose(ci.accSalience, try pair(fixed["acc_salience"]), 0.002, "\(name) ACC_S")
            assertClose(ci.score, try pair(fixed["score"]), 0.002, "\(name) Score")

            // Best thresholds: ends are grid points, which Monte-Carlo error can move by one step.
            let boot = plan.thresholdBootstrap(settings: BootstrapSettings(replicates: 4_000))
            let refBest = try XCTUnwrap(ref["best"] as? [String: Any])
            let step = ThresholdGrid.official.alphas[1] - ThresholdGrid.official.alphas[0]
            assertClose(boot.alphaInterval, try pair(refBest["alpha"]), step * 1.01, "\(name) α*")
            assertClose(boot.betaInterval, try pair(refBest["beta"]), step * 1.01, "\(name) β*")

            // The two tests: p within 0.03 (Swift at 4,000 permutations, numpy at 10,000: the
            // difference's SD is at most 0.0094).
            let actors = try XCTUnwrap(index.actorHeterogeneity(permutations: 4_000))
            let refActors = try XCTUnwrap(ref["actor_test"] as? [String: Any])
            XCTAssertEqual(actors.statistic, try XCTUnwrap(refActors["statistic"] as? Double), accuracy: 1e-12, name)
            XCTAssertEqual(actors.actors, try XCTUnwrap(refActors["actors"] as? Int), name)
            XCTAssertEqual(actors.pValue, try XCTUnwrap(refActors["p_value"] as? Double), accuracy: 0.03, name)
            let folds = try XCTUnwrap(plan.foldHeterogeneity(permutations: 2_000))
            let refFolds = try XCTUnwrap(ref["fold_test"] as? [String: Any])
            let refBetas = try XCTUnwrap(refFolds["fold_betas"] as? [Double])
            XCTAssertEqual(folds.foldBetas.count, refBetas.count, name)
            for (x, y) in zip(folds.foldBetas, refBetas) { XCTAssertEqual(x, y, accuracy: 1e-12, name) }
            XCTAssertEqual(folds.pValue, try XCTUnwrap(refFolds["p_value"] as? Double), accuracy: 0.03, name)

            guard name == "kl" else { continue }
            let b = try Fixtures.scoredClips(directory: "real", probabilities: otherFile)
            let c = try XCTUnwrap(PairedComparison(a: scored, at: best, b: b, at: best, settings: settings))
            let refCompare = try XCTUnwrap(ref["compare"] as? [String: Any])
            XCTAssertEqual(c.onlyARight, try XCTUnwrap(refCompare["only_a_right"] as? Int))
            XCTAssertEqual(c.onlyBRight, try XCTUnwrap(refCompare["only_b_right"] as? Int))
            XCTAssertEqual(c.mcnemarP, try XCTUnwrap(refCompare["mcnemar_p"] as? Double), accuracy: 1e-9)
            let delta = try XCTUnwrap(refCompare["delta"] as? [String: [String: Any]])
            for (key, interval, p) in [("acc_presence", c.deltaInterval.accPresence, c.pValue.accPresence),
                                       ("acc_salience", c.deltaInterval.accSalience, c.pValue.accSalience),
                                       ("score", c.deltaInterval.score, c.pValue.score)] {
                assertClose(interval, try pair(delta[key]?["ci"]), 0.002, "Δ \(key)")
                XCTAssertEqual(p, try XCTUnwrap(delta[key]?["p"] as? Double), accuracy: 0.03, "p \(key)")
            }
        }
    }
}
