import BlendCore
import Foundation
import XCTest
@testable import BlendReport
@testable import BlendStore

/// The real HiCMAE predictions on the real BLEMORE folds (`Data/real/`), imported as users
/// import them: the fold instability the reference system reported shows in the exports.
final class RealDataExportTests: XCTestCase {
    static let real = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/real", isDirectory: true)

    private func project() throws -> TestProject {
        let project = try TestProject(self)
        try project.store.importMetadata(from: Self.real.appendingPathComponent("train_metadata.csv"))
        try project.store.importMetadata(from: Self.real.appendingPathComponent("test_metadata.csv"))
        for name in ["kl", "ce"] {
            try project.store.importProbabilities(from: Self.real.appendingPathComponent("probs_hicmae_\(name)_e100_last.csv"),
                                                  encoder: name)
        }
        return project
    }

    func testFoldSpreadHonestGapReviewAndSubmission() throws {
        let store = try project().store
        let summaries = try store.encoderSummaries()
        XCTAssertEqual(summaries.map(\.info.name), ["kl", "ce"])
        let kl = try XCTUnwrap(summaries[0].summary?.folds)
        XCTAssertEqual(kl.folds.map(\.clips), [522, 486, 468, 472, 508])
        // The best β swings from the grid's second point (.097) to its tenth (.476) across folds.
        XCTAssertEqual(kl.folds.map(\.own.betaIndex), [1, 2, 1, 9, 3])
        XCTAssertGreaterThan(kl.gap, 0)
        let encoders = AnalysisTables.encoders(summaries)
        XCTAssertEqual(encoders.rows.map { $0[3] }, [.integer(2456), .integer(2456)])

        let folds = AnalysisTables.folds(kl, source: "encoder kl")
        let csv = try CSVReader.records(Array(ExportFormat.csv.render(folds).utf8), file: "folds.csv")
        XCTAssertEqual(csv.count, 7, "header, five folds, the mean")
        XCTAssertEqual(Double(csv[6].fields[11]), kl.honestScore)
        XCTAssertEqual(Double(csv[4].fields[3]), ThresholdGrid.official.betas[9])

        let review = try store.labelReview(source: .encoder("kl"))
        XCTAssertEqual(review.review.encoders, ["ce"])
        XCTAssertEqual(review.clips.count, 3050)
        XCTAssertTrue(review.review.entries.allSatisfy { $0.voters == 1 })

        let test = try store.scoredClips(encoder: "kl").filter { $0.split == .test }
        let t = kl.baselineThresholds
        let labels = try SubmissionTests.assertTemplateShape(Submission(clips: test, thresholds: t).json(),
                                                             files: test.clips.map { $0.name + ".mov" })
        XCTAssertEqual(labels.count, 594)
        // Scoring the submission against the labels gives the library's metrics.
        var m = Metrics()
        for clip in test.clips { m.add(label: clip.label, prediction: labels[clip.name]!) }
        XCTAssertEqual(m, test.evaluate(t))
    }
}
