import BlendStore
import BlendCore
import Foundation

/// The bundled demo project: the seeded generator's dataset written in the challenge's own file
/// formats (metadata CSVs, one probabilities CSV and one features `.npz` per encoder), then
/// imported through the same importers users use.
public enum DemoProject {
    /// The files of one demo, as written.
    public struct Files: Sendable {
        public let directory: URL
        public let metadata: [URL]
        /// Per encoder: its name, modality, probabilities CSV and features `.npz`.
        public let encoders: [(name: String, modality: Modality, probabilities: URL, features: URL)]
        /// `challenge/`: the test split anonymised as the real test set is (`test_0001.mov` …):
        /// `test_metadata.csv` (names only), `probs_ENCODER.csv` per encoder (training rows as
        /// they are, test rows renamed), `submission_template.json` and `hidden_test_labels.csv`.
        /// The demo project holds this copy as unlabelled clips beside its labelled test clips
        /// (`DemoChallengeCopy.swift`).
        public var challenge: URL? = nil
    }

    public struct Summary: Sendable, Codable {
        public let project: String
        public let files: String
        public let seed: UInt64
        public let clips: Int
        public let train: Int
        public let test: Int
        /// The anonymised copy of the test split, held as unlabelled test clips (not in `clips`).
        public let unlabelled: Int
        public let actors: Int
        public let encoders: [String]
    }

    /// Writes every file of `dataset` into `directory` (created if needed).
    public static func writeFiles(_ dataset: DemoDataset, to directory: URL) throws -> Files {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var metadata: [URL] = []
        for split in Split.allCases {
            let url = directory.appendingPathComponent("\(split.rawValue)_metadata.csv")
            try Data(dataset.metadataCSV(split: split).utf8).write(to: url, options: .atomic)
            metadata.append(url)
        }
        let names = dataset.clips.map(\.name)
        var encoders: [(String, Modality, URL, URL)] = []
        for (e, spec) in dataset.encoders.enumerated() {
            let probabilities = directory.appendingPathComponent("probs_\(spec.name).csv")
            try Data(dataset.probabilitiesCSV(encoder: e).utf8).write(to: probabilities, options: .atomic)
            let features = directory.appendingPathComponent("features_\(spec.name).npz")
            let f = dataset.features(encoder: e)
            try NPZWriter.write(FeatureMatrix(names: names, columns: f.columns, values: f.values), to: features)
            encoders.append((spec.name, Modality(parsing: spec.modality.rawValue) ?? .unknown, probabilities, features))
        }
        let challenge = directory.appendingPathComponent("challenge")
        try FileManager.default.createDirectory(at: challenge, withIntermediateDirectories: true)
        try Data(dataset.anonymisedTestMetadataCSV().utf8).write(to: challenge.appendingPathComponent("test_metadata.csv"), options: .atomic)
        for (e, spec) in dataset.encoders.enumerated() {
            try Data(dataset.anonymisedProbabilitiesCSV(encoder: e).utf8)
                .write(to: challenge.appendingPathComponent("probs_\(spec.name).csv"), options: .atomic)
        }
        try Data(dataset.submissionTemplateJSON().utf8).write(to: challenge.appendingPathComponent("submission_template.json"),
                                                                options: .atomic)
        try Data(dataset.hiddenTestLabelsCSV().utf8).write(to: challenge.appendingPathComponent("hidden_test_labels.csv"),
                                                            options: .atomic)
        return Files(directory: directory, metadata: metadata, encoders: encoders, challenge: challenge)
    }

    /// The file that marks a `NAME.files/` folder as written by the demo, so a later demo may
    /// write into it again; a folder without it is someone else's and is never touched.
    public static let markerName = ".blendscope-demo"
    static let markerText = "written by `blendscope demo`; a new demo for the same project name may replace these files\n"

    /// `NAME.files/` beside `NAME.sqlite`.
    public static func filesFolder(of project: URL) -> URL {
        project.deletingPathExtension().appendingPathExtension("files")
    }

    /// Refuses, before anything is written, a project path that exists and a `NAME.files`
    /// that is not an empty folder or one an earlier demo wrote (it carries `markerName`).
    public static func preflight(at project: URL) throws {
        var info = stat()
        guard lstat(project.path, &info) != 0 else {
            throw StoreError.invalid("\(project.relativePath) exists already; the demo builds a new project")
        }
        let folder = filesFolder(of: project)
        guard lstat(folder.path, &info) == 0 else { return }
        let name = folder.relativePath
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.invalid("\(name) exists and is not a folder; the demo writes its files there: move it or choose another project name")
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [""]
        guard entries.isEmpty || entries.contains(markerName) else {
            throw StoreError.invalid("\(name)/ exists and was not written by `blendscope demo`; the demo will not overwrite it: "
                                     + "move it or choose another project name")
        }
    }
}
