@testable import BlendApp
import BlendCore
import BlendReport
import Foundation
import XCTest
@testable import BlendStore

/// A saved fusion's honest Score carries the interval a fresh run's has (the same definition
/// over the per-fold choices stored with it); a fusion saved before those were kept, or whose
/// predictions no longer give its stored Scores, has none and says why.
extension UseCasesInMemoryTests {
    private static let honestSettings = BootstrapSettings(level: 0.95, replicates: 300, seed: 5)

    private func runFusion(_ session: ProjectSession, perFold: Bool = false) throws -> (FusionPlan, FusionReport) {
        let plan = try session.planFusion(settings: FusionSettings(method: .greedy, rounds: 3, perFold: perFold), saveAs: "fused",
                                          replace: true)
        let outcome = try session.runJob(try session.prepareJob(plan.job), plan.job)
        return (plan, outcome.report)
    }

    func testASavedFusionsHonestScoreHasTheIntervalOfTheFreshRun() throws {
        let session = try project()
        for perFold in [false, true] {
            let (plan, report) = try runFusion(session, perFold: perFold)
            let fresh = try XCTUnwrap(plan.inputs.intervals(of: report, settings: Self.honestSettings))
            let saved = session.savedHonestScore(of: try session.fusion(named: "fused"), settings: Self.honestSettings)
            XCTAssertNil(saved.unavailable)
            XCTAssertEqual(saved.score, report.honest.score)
            XCTAssertEqual(saved.intervals, fresh.honest, "per-fold \(perFold)")
            XCTAssertEqual(saved.pooled, fresh.honestPooled)
        }
        // A hand edit: the fixed weights' nested figure, as `weights --set` prints it.
        let edit = try session.editWeights(of: "fused", set: "face=0.6,voice=0.4", settings: Self.honestSettings)
        let saved = session.savedHonestScore(of: try session.fusion(named: "fused"), settings: Self.honestSettings)
        XCTAssertEqual(saved.intervals, try XCTUnwrap(edit.intervals).honest)
        XCTAssertEqual(try XCTUnwrap(saved.score), edit.after.assessment.honest.score, accuracy: 1e-15)
        // `weights` reports the fusion as it was saved, before an edit too.
        let shown = try session.editWeights(of: "fused", settings: Self.honestSettings)
        XCTAssertEqual(shown.savedHonest, saved)
    }

    /// Rewrites fusion `fused`'s provenance JSON folds with `change`, as an older blendscope
    /// (or a changed project) would have left it.
    private func rewriteFolds(_ session: ProjectSession, _ change: (inout [String: Any]) -> Void) throws {
        var spec = try session.fusion(named: "fused").spec
        let data = Data(try XCTUnwrap(spec.provenance).utf8)
        var json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var folds = try XCTUnwrap(json["folds"] as? [[String: Any]])
        for i in folds.indices { change(&folds[i]) }
        json["folds"] = folds
        spec.provenance = String(decoding: try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys]), as: UTF8.self)
        _ = try session.store.saveFusion(spec, replace: true)
    }

    func testAFusionSavedBeforeTheChoicesWereKeptSaysWhyItHasNoInterval() throws {
        let session = try project()
        let (_, report) = try runFusion(session)
        let provenance = try XCTUnwrap(try session.fusion(named: "fused").spec.provenance)
        XCTAssertTrue(provenance.contains("\"held_out_thresholds\"") && provenance.contains("\"held_out_weights\""), provenance)
        try rewriteFolds(session) { fold in
            fold["held_out_weights"] = nil
            fold["held_out_thresholds"] = nil
        }
        let fusion = try session.fusion(named: "fused")
        let old = session.savedHonestScore(of: fusion, settings: Self.honestSettings)
        XCTAssertEqual(old.score, report.honest.score, "the stored Score is still shown")
        XCTAssertNil(old.intervals)
        XCTAssertEqual(old.unavailable, "saved before blendscope kept each fold's held-out weights and α/β; "
                                        + "run `fuse --as fused --replace` again for an interval")
        // Free-text provenance (the oldest projects): the same.
        var spec = fusion.spec
        spec.provenance = "folds 0-4"
        let text = session.savedHonestScore(of: try session.store.saveFusion(spec, replace: true))
        XCTAssertNil(text.intervals)
        XCTAssertNotNil(text.unavailable)
        // The use cases that show it carry on: the figure, the report's facts, `weights`.
        XCTAssertNoThrow(try session.fusionWeights(of: .fusion("fused"), settings: Self.honestSettings))
        XCTAssertNil(try session.editWeights(of: "fused", settings: Self.honestSettings).savedHonest.intervals)
    }

    func testStoredScoresThePredictionsNoLongerGiveMeanNoInterval() throws {
        let session = try project()
        _ = try runFusion(session)
        try rewriteFolds(session) { fold in fold["held_out_score"] = ((fold["held_out_score"] as? Double) ?? 0) + 0.01 }
        let changed = session.savedHonestScore(of: try session.fusion(named: "fused"), settings: Self.honestSettings)
        XCTAssertNil(changed.intervals)
        XCTAssertTrue(changed.unavailable?.hasPrefix("the predictions changed since it was saved (fold 0's held-out Score is ") == true,
                      changed.unavailable ?? "")
    }

    func testTheReportsFusionFactsCarryTheHonestInterval() throws {
        let session = try project()
        let (plan, report) = try runFusion(session)
        let data = try session.fusionWeights(of: .fusion("fused"), settings: Self.honestSettings)
        let ci = try XCTUnwrap(plan.inputs.intervals(of: report, settings: Self.honestSettings)).honest
        XCTAssertEqual(data.honest?.intervals, ci)
        let target = try session.target(TargetRequest(fusion: "fused"))
        let document = try session.report(target, request: ReportRequest(settings: Self.honestSettings,
                                                                         generated: Date(timeIntervalSince1970: 0), version: "0"))
        let section = try XCTUnwrap(document.sections.first { $0.id == "fusion" })
        var facts: [ReportFact] = []
        for case .facts(let f) in section.blocks { facts += f }
        let honest = try XCTUnwrap(facts.first { $0.name == "honest Score" })
        XCTAssertEqual(honest.value, ReportText.rate(report.honest.score, ci.score)
                       + " (weights and α/β chosen on the other folds; \(ci.units) actors resampled)")
    }

    func testAnUnsavedFusionFigureDrawsTheWeightsGivenTitledAsNotSaved() throws {
        let session = try project()
        let target = try session.target(TargetRequest(encoder: "face"))
        var request = FigureRequest(.fusionWeights)
        request.unsavedFusion = .unsaved("the edit of equal weights", encoders: ["face", "voice"], weights: [0.8, 0.2])
        let figure = try session.figure(request, target: target)
        XCTAssertTrue(figure.texts.contains("weight in the edit of equal weights (not saved)"), "\(figure.texts)")
        XCTAssertTrue(figure.texts.contains { $0.hasPrefix("Not saved") }, "\(figure.texts)")
        // The bars are the weights given (heaviest first), with no folds.
        let bars = try XCTUnwrap(request.unsavedFusion?.bars)
        XCTAssertEqual(bars.map(\.weight), [0.8, 0.2])
        XCTAssertEqual(bars.map(\.folds), [[], []])
    }
}
