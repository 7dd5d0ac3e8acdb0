import BlendApp
import BlendCore
import Foundation
import GRDB
import XCTest

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

    func testTheTargetIsTheNamedSourceElseTheCurrentOneWithStoredThresholdsUnlessGiven() throws {
        let session = try project()
        XCTAssertThrowsError(try session.target(TargetRequest())) { XCTAssertEqual($0 as? AppError, .noCurrentSource) }
        try session.use(TargetRequest(encoder: "face", alpha: 0.3, beta: 0.25))
        let current = try session.target(TargetRequest())
        XCTAssertEqual(current.source, .encoder("face"))
        XCTAssertEqual(current.sourceOrigin, .current)
        XCTAssertEqual(current.thresholds, Thresholds(alpha: 0.3, beta: 0.25))
        XCTAssertEqual(current.thresholdOrigin, .stored)
        let named = try session.target(TargetRequest(encoder: "voice", alpha: 0.2))
        XCTAssertEqual(named.source, .encoder("voice"))
        XCTAssertEqual(named.sourceOrigin, .named)
        XCTAssertEqual(named.thresholds, Thresholds(alpha: 0.2, beta: 0.25))
        XCTAssertEqual(named.thresholdOrigin, .mixed)
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
        XCTAssertNil(overview.current)
        let contents = try session.workbenchContents()
        XCTAssertEqual(contents.target?.source, .encoder("face"))
        XCTAssertEqual(contents.target?.sourceOrigin, .firstEncoder)
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
        XCTAssertThrowsError(try session.cancelJob(job.jobID)) { XCTAssertTrue(($0 as? AppError)?.isUsage == true) }
        let settings = try session.use(TargetRequest(fusion: "fused"))
        XCTAssertEqual(settings.currentSource, .fusion("fused"))
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
}
