import BlendCore
import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// The Fusion screen's part of the fixture: the panel's two encoders plus a third synthetic
/// draw over the same clips, starting from equal weights.
extension WorkbenchFixture {
    static let fusionInputs = FusionInputs(
        clips: scored.clips, encoders: panel.names + ["third"],
        probabilities: panel.values + [ScoredClips.synthetic(count: 600, seed: 9).probabilities],
        present: panel.present + [Array(repeating: true, count: 600)])

    static let fusionData: FusionData = {
        let weights = FusionWeights.equal(fusionInputs.encoderCount)
        // The fixture's clips span five folds, so fixed weights always assess.
        let current = try! FixedWeightsReport(fusionInputs, weights: weights)
        var data = FusionData(inputs: fusionInputs, startFusion: nil, startWeights: weights,
                              startActive: Array(repeating: true, count: fusionInputs.encoderCount), current: current,
                              fusionNames: ["tui-manual"])
        // As the load computes it (fewer draws: the bootstrap's own tests check it).
        data.currentFoldIntervals = fusionInputs.heldOutIntervals(of: current, settings: BootstrapSettings(replicates: 200)).intervals
        return data
    }()

    /// A finished greedy run over the fixture's inputs, as the job would propose it.
    static let fusionProposal: FusionProposal = {
        let report = try! FusionStudy.run(fusionInputs, settings: FusionSettings(method: .greedy, rounds: 4))
        return FusionProposal(jobID: 3, report: report, weights: report.weights,
                              fixed: try! FixedWeightsReport(fusionInputs, weights: report.weights),
                              intervals: fusionInputs.intervals(of: report, settings: BootstrapSettings(replicates: 200)))
    }()
}

/// A project file on disk holding synthetic encoders, imported through the real importers,
/// removed when the test ends.
struct FusionTestProject {
    let path: String
    let store: ProjectStore

    init(_ test: XCTestCase, _ inputs: FusionInputs) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("fusion-tui-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        path = directory.appendingPathComponent("project.sqlite").path
        store = try ProjectStore(path: path)
        func file(_ name: String, _ text: String) throws -> URL {
            let url = directory.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        var meta = "filename,fold\n"
        for c in inputs.clips { meta += "\(c.name),\(c.fold.map(String.init) ?? "-1")\n" }
        try store.importMetadata(from: file("meta.csv", meta))
        for (m, name) in inputs.encoders.enumerated() {
            var csv = "filename,ang,disg,fea,hap,sad,neu\n"
            for (i, c) in inputs.clips.enumerated() where inputs.present[m][i] {
                csv += c.name + "," + (0..<6).map { String(inputs.probabilities[m][i * 6 + $0]) }.joined(separator: ",") + "\n"
            }
            try store.importProbabilities(from: file("\(name).csv", csv), encoder: name, normalize: true)
        }
    }
}
