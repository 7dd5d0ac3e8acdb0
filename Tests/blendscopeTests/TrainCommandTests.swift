import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// `train`, `runs`, `jobs` and `cancel` through the real binary on the public set (478
/// training clips in 5 folds, 161 test clips) with 8 learnable feature columns.
final class TrainCommandTests: XCTestCase {
    /// Imports metadata (`train` and/or `test`) and features for encoder `face` from a CSV
    /// that leaves out the clips `omit` picks; returns the project's path.
    private func project(metadata: [String] = ["train_metadata.csv", "test_metadata.csv"],
                         omit: (String) -> Bool = { _ in false }) throws -> String {
        let dir = try CLI.scratchDirectory(self)
        let project = dir.appendingPathComponent("p.sqlite").path
        let files = metadata.map { CLI.fixtures.appendingPathComponent("public_set/\($0)").path }
        try check(CLI.run(["import", project] + files.flatMap { ["--metadata", $0] }))
        let store = try ProjectStore(path: project, create: false)
        var random = SeededGenerator(seed: 3)
        let centroids = (0..<48).map { _ in Double.random(in: -2...2, using: &random) }
        var csv = "filename," + (0..<8).map { "f\($0)" }.joined(separator: ",") + "\n"
        for clip in try store.clips() where !omit(clip.name) {
            var t = [Double](repeating: 0, count: 6)
            t[clip.label.first.rawValue] = Double(clip.label.firstSalience) / 100
            if let s = clip.label.second { t[s.rawValue] = Double(clip.label.secondSalience) / 100 }
            let row = (0..<8).map { j in (0..<6).reduce(Double.random(in: -0.4...0.4, using: &random)) { $0 + t[$1] * centroids[$1 * 8 + j] } }
            csv += clip.name + "," + row.map { String($0) }.joined(separator: ",") + "\n"
        }
        let features = dir.appendingPathComponent("face.csv")
        try Data(csv.utf8).write(to: features)
        try check(CLI.run(["import", project, "--features", features.path, "--encoder", "face"]))
        return project
    }

    private func check(_ r: CLI.Result) throws {
        guard r.status == 0 else { throw CLI.Failure(message: r.stderr) }
    }

    private let quick = ["--model", "mlp256", "--epochs", "3", "--lr", "0.01", "--patience", "0", "--threads", "1"]

    private func lines(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map {
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], String($0))
        }
    }

    func testTrainStreamsProgressAndTheEncoderWorksEverywhere() throws {
        let project = try project()
        let r = try CLI.run(["train", project, "--encoder", "face", "--json"] + quick)
        XCTAssertEqual(r.status, 0, r.stderr)
        let events = try lines(r.stdout)
        let progress = events.dropLast()
        XCTAssertGreaterThanOrEqual(progress.count, 1)
        XCTAssertTrue(progress.allSatisfy { $0["event"] as? String == "progress" })
        XCTAssertTrue((progress.last?["message"] as? String ?? "").contains("epoch"), "\(progress.last ?? [:])")
        let last = try XCTUnwrap(events.last)
        XCTAssertEqual(last["event"] as? String, "result")
        let result = try XCTUnwrap(last["result"] as? [String: Any])
        XCTAssertEqual(result["encoder"] as? String, "face-mlp256")
        let run = try XCTUnwrap(result["run"] as? [String: Any])
        let score = try XCTUnwrap(run["score"] as? Double)
        XCTAssertGreaterThan(score, 0.3)

        // eval and sweep read the trained encoder like an imported one.
        let sweep = try CLI.json(["sweep", project, "--encoder", "face-mlp256", "--split", "train", "--json"])
        XCTAssertEqual(try XCTUnwrap(sweep["score"] as? Double), score, accuracy: 1e-12)
        let eval = try CLI.json(["eval", project, "--encoder", "face-mlp256", "--split", "test", "--json"])
        XCTAssertEqual(eval["clips"] as? Int, 161)

        let listed = try CLI.run(["runs", project, "--json"])
        let runs = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(runs.map { $0["encoder"] as? String }, ["face-mlp256"])
        let shown = try CLI.json(["runs", project, "--show", "face-mlp256", "--json"])
        let curves = try XCTUnwrap(shown["curves"] as? [[String: Any]])
        XCTAssertEqual(curves.filter { $0["stage"] as? Int != nil }.count, 15)
        XCTAssertTrue(curves.contains { $0["stage"] as? String == "final" })

        let jobs = try CLI.run(["jobs", project, "--json"])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jobs.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.first?["kind"] as? String, "train")
        XCTAssertEqual(list.first?["status"] as? String, "succeeded")

        // The stored settings run again to the same bits; then the encoder is deleted whole.
        let again = try CLI.run(["train", project, "--rerun", "face-mlp256", "--as", "again", "--json"])
        XCTAssertEqual(again.status, 0, again.stderr)
        let store = try ProjectStore(path: project, create: false)
        XCTAssertEqual(try store.scoredClips(encoder: "again").probabilities,
                       try store.scoredClips(encoder: "face-mlp256").probabilities)
        XCTAssertEqual(try CLI.run(["runs", project, "--delete", "again"]).status, 0)
        XCTAssertEqual(try store.trainingRuns().map(\.encoder), ["face-mlp256"])
        XCTAssertFalse(try store.encoders().contains { $0.name == "again" })
    }

    func testTextOutputSummarisesTheFolds() throws {
        let project = try project()
        let r = try CLI.run(["train", project, "--encoder", "face", "--as", "t", "--test", "average"] + quick)
        XCTAssertEqual(r.status, 0, r.stderr)
        for expected in ["trained 't' on 'face' (8 features)", "best epoch", "out of fold (478 clips)"] {
            XCTAssertTrue(r.stdout.contains(expected), "missing '\(expected)' in:\n\(r.stdout)")
        }
        let runs = try CLI.run(["runs", project])
        XCTAssertTrue(runs.stdout.contains("t ") && runs.stdout.contains("face"), runs.stdout)
    }

    /// Each refusal is clear, exits non-zero, and records no job and no data.
    func testBadInputIsRefusedBeforeAnyWork() throws {
        let project = try project(omit: { $0.hasPrefix("A171_mix_ang") })
        let store = try ProjectStore(path: project, create: false)
        try check(CLI.run(["import", project, "--probs", CLI.fixtures.appendingPathComponent("public_set/probs_audio.csv").path,
                           "--encoder", "audio"]))
        let before = try store.contentSnapshot()
        let cases: [([String], String)] = [
            (["--encoder", "face"], "12 clips of the project have no features from 'face': A171_mix_ang_disg_50_50_ver1"),
            (["--encoder", "ghost"], "no encoder named 'ghost'"),
            (["--encoder", "audio"], "encoder 'audio' has no features to train on"),
            (["--encoder", "audio", "--as", "face"], "an imported encoder named 'face' already exists"),
            (["--encoder", "face", "--epochs", "0"], "--epochs must be a whole number in [1, 10000], got 0"),
            (["--encoder", "face", "--model", "mlp2048"], "mlp2048"),
            (["--rerun", "face"], "encoder 'face' was not trained in this project"),
            ([], "give --encoder NAME, or --rerun TRAINED-NAME"),
        ]
        for (arguments, message) in cases {
            let r = try CLI.run(["train", project] + arguments)
            XCTAssertNotEqual(r.status, 0, "\(arguments)")
            XCTAssertTrue(r.stderr.contains(message), "expected '\(message)' in: \(r.stderr)")
            XCTAssertTrue(try store.contentSnapshot() == before, "\(arguments) changed the project")
        }
    }

    func testNaNFoldlessProjectAndDimensionMismatch() throws {
        let project = try project()
        let store = try ProjectStore(path: project, create: false)
        XCTAssertEqual(try CLI.run(["train", project, "--encoder", "face", "--as", "t"] + quick).status, 0)
        // Five columns instead of eight: the stored models no longer fit.
        var csv = "filename,a,b,c,d,e\n"
        for clip in try store.clips() { csv += clip.name + ",1,2,3,4,5\n" }
        let narrow = try CLI.scratchDirectory(self).appendingPathComponent("narrow.csv")
        try Data(csv.utf8).write(to: narrow)
        try check(CLI.run(["import", project, "--features", narrow.path, "--encoder", "face", "--replace"]))
        var r = try CLI.run(["train", project, "--rerun", "t", "--replace"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("the models of 't' take 8 features per clip, but 'face' now has 5"), r.stderr)

        // A NaN only a damaged file can hold: the importers refuse them.
        try store.pool.write { db in
            try db.execute(sql: """
                UPDATE feature_row SET vector = ? WHERE clip_id = (SELECT id FROM clip WHERE filename = 'A117_fea_int2_ver1')
                """, arguments: [Float32Blob([1, 2, .nan, 4, 5])])
        }
        r = try CLI.run(["train", project, "--encoder", "face", "--as", "u"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("the features of 'face' for clip 'A117_fea_int2_ver1' hold a NaN or infinity in column 3"),
                      r.stderr)

        let foldless = try self.project(metadata: ["test_metadata.csv"])
        r = try CLI.run(["train", foldless, "--encoder", "face"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("the project has no training folds"), r.stderr)
    }

    /// A cancel from another process, and Ctrl-C, both end the job `cancelled` with nothing saved.
    func testCancellationLeavesTheProjectConsistent() throws {
        let project = try project()
        let store = try ProjectStore(path: project, create: false)
        let long = ["train", project, "--encoder", "face", "--model", "mlp1024", "--epochs", "10000", "--patience", "0",
                    "--threads", "1"]
        for viaSignal in [false, true] {
            let before = try dataTables(store)
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = long
            process.standardOutput = FileHandle.nullDevice
            let errors = Pipe()
            process.standardError = errors
            try process.run()
            let job = try waitForRunningJob(store)
            if viaSignal {
                process.interrupt()
            } else {
                try check(CLI.run(["cancel", project, String(job)]))
            }
            let stderr = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 130, String(decoding: stderr, as: UTF8.self))
            XCTAssertEqual(try store.job(job).status, .cancelled)
            XCTAssertTrue(try dataTables(store) == before, "the cancelled run changed the project's data")
        }
    }

    /// A training process killed outright is reported interrupted, not running, and its
    /// half-trained encoder does not exist.
    func testKilledTrainingShowsAsInterrupted() throws {
        let project = try project()
        let store = try ProjectStore(path: project, create: false)
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["train", project, "--encoder", "face", "--epochs", "10000", "--patience", "0", "--threads", "1"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let job = try waitForRunningJob(store)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let jobs = try CLI.run(["jobs", project, "--json"])
        let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(jobs.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(list.first { ($0["id"] as? Int).map(Int64.init) == job }?["status"] as? String, "interrupted")
        XCTAssertEqual(try store.trainingRuns(), [])
    }

    /// Every table but the job bookkeeping (the job's row and its id counter).
    private func dataTables(_ store: ProjectStore) throws -> [String: [[DatabaseValue]]] {
        try store.contentSnapshot().tables.filter { $0.key != "job" && $0.key != "sqlite_sequence" }
    }

    private func waitForRunningJob(_ store: ProjectStore) throws -> Int64 {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let job = try store.jobs().first(where: { $0.status == .running && $0.progress > 0 }) { return job.id }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CLI.Failure(message: "no training job started within a minute")
    }

    /// Unlabelled test clips with features are never trained on, but the run predicts them, so
    /// the trained encoder's submission covers the clips the challenge wants.
    func testATrainedEncoderPredictsUnlabelledClipsAndItsSubmissionHasThem() throws {
        let project = try project(metadata: ["train_metadata.csv"])
        let dir = URL(fileURLWithPath: project).deletingLastPathComponent()
        let store = try ProjectStore(path: project, create: false)
        guard let features = try store.features(encoder: "face") else { return XCTFail("no features") }
        // Three unlabelled clips, with the first three training clips' features; one more without features.
        var csv = "filename," + (0..<8).map { "f\($0)" }.joined(separator: ",") + "\n"
        for n in 0..<3 {
            csv += "test_000\(n + 1).mov," + features.row(n).map { String($0) }.joined(separator: ",") + "\n"
        }
        let metadata = dir.appendingPathComponent("test_metadata.csv")
        try Data("filename\ntest_0001.mov\ntest_0002.mov\ntest_0003.mov\ntest_0004.mov\n".utf8).write(to: metadata)
        try check(CLI.run(["import", project, "--metadata", metadata.path]))
        let replaced = dir.appendingPathComponent("face-all.csv")
        let original = try String(contentsOf: dir.appendingPathComponent("face.csv"), encoding: .utf8)
        try Data((original + csv.split(separator: "\n").dropFirst().joined(separator: "\n") + "\n").utf8).write(to: replaced)
        try check(CLI.run(["import", project, "--features", replaced.path, "--encoder", "face", "--replace"]))

        let r = try CLI.run(["train", project, "--encoder", "face", "--model", "mlp256", "--epochs", "2", "--lr", "0.01",
                              "--patience", "0", "--threads", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let out = dir.appendingPathComponent("predictions.json").path
        let export = try CLI.run(["export", project, "submission", "--encoder", "face-mlp256", "--out", out])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertTrue(export.stdout.contains("3 clips of test (3 unlabelled)"), export.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any]
        let predictions = try XCTUnwrap(object?["predictions"] as? [String: Any])
        XCTAssertEqual(Set(predictions.keys), ["test_0001.mov", "test_0002.mov", "test_0003.mov"],
                       "test_0004 has no features, so no prediction")
        // Stored like the test predictions: the run's final model on the same rows.
        let scores = try store.unlabelledScores(source: .encoder("face-mlp256"))
        XCTAssertEqual(scores.count, 3)
        let models = try store.trainedModels(encoder: "face-mlp256")
        XCTAssertEqual(models.count, 6, "five fold models and the final one")
    }
}
