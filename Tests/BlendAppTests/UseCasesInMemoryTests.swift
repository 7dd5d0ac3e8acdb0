@testable import BlendApp
import BlendCore
import Foundation
import GRDB
import XCTest
@testable import BlendStore

/// The use cases on an in-memory project (`DatabaseQueue()`): what both front ends call,
/// without a file.
final class UseCasesInMemoryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("blendapp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: folder)
    }

    private func file(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// Two actors per training fold and two test actors, singles and blends; `face` leans to
    /// the label, `voice` less so, so the analyses have something to find.
    func project() throws -> ProjectSession {
        let session = try ProjectSession(writer: DatabaseQueue())
        let labels = ["ang_int1_ver1", "hap_int2_ver1", "mix_ang_hap_50_50_ver1", "mix_fea_sad_70_30_ver1"]
        var meta = "filename,fold\n", face = "filename,ang,disg,fea,hap,sad,neu\n", voice = face
        for actor in 0..<12 {
            let fold = actor < 10 ? String(actor / 2) : "-1"
            for (k, label) in labels.enumerated() {
                let name = "A\(101 + actor)_\(label)"
                meta += "\(name),\(fold)\n"
                let p: [Double] = switch k {
                case 0: [0.7, 0.05, 0.05, 0.1, 0.05, 0.05]
                case 1: [0.1, 0.05, 0.05, 0.7, 0.05, 0.05]
                case 2: [0.4, 0.05, 0.05, 0.4, 0.05, 0.05]
                default: [0.05, 0.05, 0.5, 0.05, 0.3, 0.05]
                }
                let q = p.enumerated().map { i, x in (x + (i == (actor + k) % 6 ? 0.3 : 0)) / 1.3 }
                face += name + "," + p.map { String($0) }.joined(separator: ",") + "\n"
                voice += name + "," + q.map { String($0) }.joined(separator: ",") + "\n"
            }
        }
        _ = try session.importMetadata(files: [try file("meta.csv", meta)])
        _ = try session.importProbabilities(file: try file("face.csv", face), encoder: "face", normalize: true)
        _ = try session.importProbabilities(file: try file("voice.csv", voice), encoder: "voice", normalize: true)
        return session
    }

    func testTheTargetIsTheNamedSourceElseTheCurrentOneAtItsOwnThresholds() throws {
        let session = try ProjectSession(writer: DatabaseQueue())
        XCTAssertThrowsError(try session.target(TargetRequest())) { XCTAssertEqual($0 as? AppError, .noCurrentSource) }
    }

    func testEachSourceIsDecodedAtItsOwnThresholdsNeverAnothers() throws {
        let session = try project()
        let bestFace = try session.bestOnTrain(.encoder("face")), bestVoice = try session.bestOnTrain(.encoder("voice"))
        // The first encoder imported is current; it keeps nothing yet, so it is at its best.
        let first = try session.target(TargetRequest())
        XCTAssertEqual(first.source, .encoder("face"))
        XCTAssertEqual(first.sourceOrigin, .current)
        XCTAssertEqual(first.thresholds, bestFace)
        XCTAssertEqual(first.thresholdOrigin, .bestOnTrain)
        XCTAssertThrowsError(try session.target(TargetRequest(at: .stored))) {
            XCTAssertEqual($0 as? AppError, .noStoredThresholds(source: "encoder face"))
        }
        // `use` with thresholds stores them for that source only.
        try session.use(TargetRequest(encoder: "face", alpha: 0.3, beta: 0.25))
        let stored = try session.target(TargetRequest())
        XCTAssertEqual(stored.thresholds, Thresholds(alpha: 0.3, beta: 0.25))
        XCTAssertEqual(stored.thresholdOrigin, .stored)
        XCTAssertEqual(try session.target(TargetRequest(at: .best)).thresholds, bestFace)
        XCTAssertEqual(try session.target(TargetRequest(at: .best)).thresholdOrigin, .bestOnTrain)
        let voice = try session.target(TargetRequest(encoder: "voice"))
        XCTAssertEqual(voice.sourceOrigin, .named)
        XCTAssertEqual(voice.thresholds, bestVoice, "not face's stored thresholds")
        XCTAssertEqual(voice.thresholdOrigin, .bestOnTrain)
        // One given half over the source's own other half.
        let mixed = try session.target(TargetRequest(encoder: "face", alpha: 0.2))
        XCTAssertEqual(mixed.thresholds, Thresholds(alpha: 0.2, beta: 0.25))
        XCTAssertEqual(mixed.thresholdOrigin, .mixed)
        let given = try session.target(TargetRequest(encoder: "voice", alpha: 0.2, beta: 0.4, at: .stored))
        XCTAssertEqual(given.thresholds, Thresholds(alpha: 0.2, beta: 0.4))
        XCTAssertEqual(given.thresholdOrigin, .given)
        // `use` with nothing given keeps what a source keeps, and stores the best of one that keeps none.
        XCTAssertEqual(try session.use(TargetRequest(encoder: "face")).thresholds, Thresholds(alpha: 0.3, beta: 0.25))
        let madeCurrent = try session.use(TargetRequest(encoder: "voice"))
        XCTAssertEqual(madeCurrent.thresholds, bestVoice)
        XCTAssertEqual(try session.target(TargetRequest()).thresholdOrigin, .stored)
        XCTAssertEqual(try session.use(TargetRequest(encoder: "face", at: .best)).thresholds, bestFace)
        XCTAssertEqual(try session.target(TargetRequest(encoder: "face")).thresholdOrigin, .stored)
    }

    func testAnalysesRunOnTheInMemoryProject() throws {
        let session = try project()
        let face = try session.target(TargetRequest(encoder: "face", alpha: 0.1, beta: 0.2))
        let all = try session.evaluate(face)
        XCTAssertEqual(all.metrics.clips, 48)
        XCTAssertEqual(all.unlabelled, 0)
        let train = try session.evaluate(face, in: ClipSelection([.split(.train)]))
        XCTAssertEqual(train.metrics.clips, 40)
        XCTAssertThrowsError(try session.evaluate(face, in: ClipSelection([.actor("A999")]))) {
            XCTAssertEqual($0 as? AppError, .emptySelection(scope: "A999", unlabelled: 0))
        }
        let sweep = try session.sweep(face.source, by: .fold)
        XCTAssertEqual(sweep.groups?.count, 5)
        XCTAssertNotNil(sweep.bootstrap)
        let folds = try session.folds(face.source)
        XCTAssertEqual(folds.report.folds.count, 5)
        let confusion = try session.confusion(face)
        XCTAssertEqual(confusion.tables.perEmotion.count, confusion.emotionIntervals.count)
        XCTAssertEqual(confusion.evaluation.metrics, all.metrics, "confusion's metrics are eval's")
        let actors = try session.actors(face.source, alpha: 0.1)
        XCTAssertEqual(actors.rows.count, 12)
        XCTAssertThrowsError(try session.actors(face.source, alpha: 0.1, actor: "A999")) {
            XCTAssertEqual($0 as? AppError, .unknownActor(source: "encoder face", actor: "A999"))
        }
        let comparison = try session.compare(.encoder("face"), at: face.thresholds, with: .encoder("voice"), at: face.thresholds)
        XCTAssertEqual(comparison.clips, 48)
        let review = try session.review(.encoder("face"))
        XCTAssertEqual(review.clips.count, 48)
        XCTAssertThrowsError(try session.durations(face, binning: .quantiles(4))) {
            XCTAssertEqual($0 as? AppError, .noDurations(scope: "all", project: "in-memory project"))
        }
        let overview = try session.overview()
        XCTAssertEqual(overview.clips.count, 48)
        XCTAssertEqual(overview.folds, [8, 8, 8, 8, 8])
        XCTAssertEqual(overview.encoders.map(\.encoder.name), ["face", "voice"])
        XCTAssertEqual(overview.currentTarget?.source, .encoder("face"), "the first encoder imported")
        XCTAssertEqual(overview.current?.clips, 48)
        let contents = try session.workbenchContents()
        XCTAssertEqual(contents.target?.source, .encoder("face"))
        XCTAssertEqual(contents.target?.sourceOrigin, .current)
        XCTAssertEqual(contents.thresholds, try session.bestOnTrain(.encoder("face")))
    }

    func testAFusionJobSavesItsResultAndBecomesUsable() throws {
        let session = try project()
        let plan = try session.planFusion(settings: FusionSettings(method: .greedy, rounds: 3), saveAs: "fused")
        let job = try session.prepareJob(plan.job)
        let outcome = try session.runJob(job, plan.job)
        XCTAssertEqual(outcome.saved, "fused")
        XCTAssertEqual(try session.jobs().first?.status, .succeeded)
        XCTAssertThrowsError(try session.planFusion(settings: FusionSettings(), saveAs: "fused")) {
            XCTAssertEqual($0 as? AppError, .fusionExists("fused"))
        }
        // An ended job is a refusal, not a usage error (its one message, no usage block).
        XCTAssertThrowsError(try session.cancelJob(job.jobID)) { XCTAssertEqual(($0 as? AppError)?.isUsage, false) }
        let target = try session.use(TargetRequest(fusion: "fused"))
        XCTAssertEqual(target.source, .fusion("fused"))
        XCTAssertEqual(target.thresholdOrigin, .stored, "a fusion keeps the thresholds it was chosen with")
        let edit = try session.editWeights(of: "fused", set: "face=1,voice=0")
        XCTAssertTrue(edit.changed)
        XCTAssertEqual(try session.fusion(named: "fused").spec.method, "manual")
    }

    func testNotesAreCheckedBeforeAnythingChanges() throws {
        let session = try project()
        let clip = "A101_ang_int1_ver1"
        let (stem, added) = try session.annotate(clip: clip + ".mov", ClipEdits(addTags: ["odd"], note: "brows"))
        XCTAssertEqual(stem, clip)
        XCTAssertEqual(added.count, 2)
        XCTAssertThrowsError(try session.annotate(clip: clip, ClipEdits(addTags: ["more"], removeTags: ["nope"]))) {
            XCTAssertEqual($0 as? AppError, .noSuchTag(clip: clip, tag: "nope"))
        }
        XCTAssertEqual(try session.annotations(clip: clip).count, 2)
        XCTAssertEqual(try session.tagsByClip(), [clip: ["odd"]])
    }

    func testADatabaseOfAnotherProgramIsRefused() throws {
        let queue = try DatabaseQueue()
        try queue.write { try $0.execute(sql: "CREATE TABLE other (x)") }
        XCTAssertThrowsError(try ProjectSession(writer: queue, name: "theirs")) {
            XCTAssertEqual($0 as? StoreError, .notAProject("theirs", reason: "an SQLite database of another program"))
        }
    }

    /// What only the demo and the bench run, on the same in-memory project: an unlabelled copy
    /// takes its original's probabilities, features made in memory are stored, the whole
    /// probability table reads back, and a training run goes in line without a job.
    func testTheDemoAndBenchUseCasesRunOnTheInMemoryProject() throws {
        let session = try project()
        _ = try session.importMetadata(files: [try file("copy.csv", "filename,fold\ntest_0001.mov,\n")])
        try session.copyClipData([(original: "A101_ang_int1_ver1", copy: "test_0001")], videos: false)
        let copied = try session.store.encoderScores("face").unlabelled
        XCTAssertEqual(copied.clips.map(\.name), ["test_0001"])
        let original = try session.scoredClips(.encoder("face"))
        XCTAssertEqual(copied.probabilities, Array(original.probabilities[0..<Emotion.count]))

        let table = try session.allProbabilities()
        XCTAssertEqual(table.encoders, ["face", "voice"])
        XCTAssertEqual(table.clips.count, 48)

        let names = try session.clips().map(\.name)
        let values = names.indices.flatMap { i in (0..<3).map { Float((i * 3 + $0) % 7) / 7 } }
        try session.storeFeatures(FeatureMatrix(names: names, columns: 3, values: values), sourceFile: "made.npz", encoder: "face")
        XCTAssertEqual(try session.encoders().first { $0.name == "face" }?.featureDimension, 3)
        let outcome = try session.train(TrainingRequest(encoder: "face", config: TrainingConfig(
            architecture: .linear, epochs: 1, batchSize: 8, learningRate: 0.01, dropout: 0, patience: 1, seed: 3)))
        XCTAssertEqual(outcome.result.folds.count, 5)
        XCTAssertEqual(try session.trainingRuns().count, 1)
        XCTAssertTrue(try session.jobs().isEmpty, "trained in line: no job recorded")
    }
}

/// The own-best sweeps are made once per session and shared: the Overview's encoder table
/// and the source picker's rows, until the probabilities change.
extension UseCasesInMemoryTests {
    func testTheEncoderTableAndThePickerShareOneSweepPerSourceUntilItChanges() throws {
        let session = try project()
        let encoders = try session.encodersAtOwnBest()
        XCTAssertEqual(encoders.map(\.clips), [48, 48])
        XCTAssertEqual(encoders.map(\.labelledClips), [48, 48])
        XCTAssertEqual(session.sweeps.made, 2)
        // The picker's rows: the same thresholds, no new sweep, one row per source as asked.
        let listing = try session.sourceListing()
        XCTAssertEqual(listing.sources, [.encoder("face"), .encoder("voice")])
        let choices = try listing.sources.map { try session.sourceChoice($0, in: listing) }
        XCTAssertEqual(choices.map(\.thresholds), encoders.map(\.best.thresholds))
        XCTAssertEqual(choices.map(\.thresholdOrigin), [.bestOnTrain, .bestOnTrain])
        XCTAssertEqual(try session.sourceChoices(), choices)
        XCTAssertEqual(try session.bestOnTrain(.encoder("face")), encoders[0].best.thresholds)
        XCTAssertEqual(session.sweeps.made, 2, "kept sweeps are not made again")
        // The Score is the one over all its clips at those thresholds.
        let scored = try session.store.scoredClips(source: .encoder("face"))
        XCTAssertEqual(choices[0].score, SweepIndex(scored).metrics(at: encoders[0].best.thresholds).score)
        // New probabilities for `face` (re-imported): swept afresh.
        var csv = "filename,ang,disg,fea,hap,sad,neu\n"
        for (i, clip) in scored.clips.enumerated() {
            let p = (0..<6).map { k in k == i % 6 ? 0.9 : 0.02 }
            csv += clip.name + "," + p.map { String($0) }.joined(separator: ",") + "\n"
        }
        _ = try session.importProbabilities(file: try file("face-2.csv", csv), encoder: "face", normalize: true, replace: true)
        _ = try session.sourceChoice(.encoder("face"), in: listing)
        XCTAssertEqual(session.sweeps.made, 3)
    }
}
