import BlendApp
@testable import BlendDemo
import Foundation
import XCTest
@testable import BlendCore
@testable import BlendStore

/// A demo-shaped project with one encoder (CLIP, 128 features): the demo's clips, folds and
/// labels without the other encoders or videos, so it builds in a second or two.
enum SmallDemoProject {
    /// Writes the project as `NAME.sqlite` into `dir` (which must exist) and returns its path;
    /// CLIP is the current source.
    static func make(in dir: URL, name: String = "small") throws -> String {
        let clip = try XCTUnwrap(DemoEncoderSpec.reference.first { $0.name == "CLIP" })
        let dataset = DemoGenerator(seed: 2026, encoders: [clip], world: DemoWorld()).generate()
        var metadata: [URL] = []
        for split in Split.allCases {
            let url = dir.appendingPathComponent("\(split.rawValue)_metadata.csv")
            try Data(dataset.metadataCSV(split: split).utf8).write(to: url)
            metadata.append(url)
        }
        let e = try XCTUnwrap(dataset.encoders.firstIndex { $0.name == "CLIP" })
        let probabilities = dir.appendingPathComponent("probs.csv")
        try Data(dataset.probabilitiesCSV(encoder: e).utf8).write(to: probabilities)
        let features = dir.appendingPathComponent("features.npz")
        let f = dataset.features(encoder: e)
        try NPZWriter.write(FeatureMatrix(names: dataset.clips.map(\.name), columns: f.columns, values: f.values), to: features)
        let project = dir.appendingPathComponent("\(name).sqlite")
        try ProjectSession.creating(path: project.path) { session in
            try DemoProject.importFiles(DemoProject.Files(directory: dir, metadata: metadata,
                                                          encoders: [("CLIP", .visual, probabilities, features)]), into: session)
            try session.use(TargetRequest(encoder: "CLIP"))
        }
        return project.path
    }
}
