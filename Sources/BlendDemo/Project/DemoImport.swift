import BlendApp
import BlendCore
import Foundation

// The demo's files imported through BlendApp's use cases, as `blendscope import` and `use`
// run them: the demo opens no store of its own.
extension DemoProject {
    /// Imports written files into `session`'s project: metadata, then each encoder's
    /// probabilities and features, through the importers `blendscope import` runs.
    public static func importFiles(_ files: Files, into session: ProjectSession, features: Bool = true) throws {
        _ = try session.importMetadata(files: files.metadata.map(\.path))
        for e in files.encoders {
            _ = try session.importProbabilities(file: e.probabilities.path, encoder: e.name, modality: e.modality)
            if features {
                _ = try session.importFeatures(file: e.features.path, encoder: e.name, modality: e.modality)
            }
        }
    }

    /// Generates, writes and imports the demo into a new project at `project`; the files go to
    /// `<project without extension>.files/` beside it. The project is then set to use the best
    /// single encoder (by official-grid Score on the training split) at its best thresholds.
    public static func build(at project: URL, seed: UInt64 = 2026) throws -> Summary {
        try make(at: project, seed: seed).summary
    }

    /// `build`, and the anonymised test names (original stem, anonymised file) for linking
    /// the unlabelled copies' videos afterwards.
    static func make(at project: URL, seed: UInt64) throws -> (summary: Summary, challenge: [(clip: String, file: String)]) {
        try preflight(at: project)
        let dataset = DemoGenerator(seed: seed).generate()
        let directory = filesFolder(of: project)
        let files = try writeFiles(dataset, to: URL(fileURLWithPath: directory.path + "/"))
        try Data(markerText.utf8).write(to: directory.appendingPathComponent(markerName), options: .atomic)
        try ProjectSession.creating(path: project.relativePath, ifTaken: .refuse) { session in
            try importFiles(files, into: session)
            try importChallengeCopy(files, pairs: dataset.anonymisedTestNames, into: session)
            // Open on the strongest single encoder; it keeps no thresholds, so it (like every
            // source) is decoded at its own best on train until the user stores some.
            let ranked = try dataset.encoders.map { spec -> (String, SweepCell) in
                let train = try session.scoredClips(.encoder(spec.name)).filter { $0.split == .train }
                return (spec.name, SweepIndex(train).sweep(grid: .official).best)
            }
            // The generator always makes encoders; the guard only keeps a force unwrap out.
            guard let best = ranked.max(by: { $0.1.metrics.score < $1.1.metrics.score }) else { return }
            try session.makeCurrent(.encoder(best.0))
        }
        let infos = dataset.clipInfos
        let summary = Summary(project: project.relativePath, files: directory.relativePath, seed: seed, clips: infos.count,
                              train: infos.count { $0.split == .train }, test: infos.count { $0.split == .test },
                              unlabelled: dataset.anonymisedTestNames.count,
                              actors: Set(infos.map(\.actor)).count, encoders: dataset.encoders.map(\.name))
        return (summary, dataset.anonymisedTestNames)
    }
}
