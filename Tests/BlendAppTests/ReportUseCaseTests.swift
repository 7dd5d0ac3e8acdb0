import BlendApp
import BlendCore
import BlendFigures
import BlendReport
import Foundation
import XCTest

/// The figure, fusion-weights and report use cases on the in-memory project.
extension UseCasesInMemoryTests {
    private func fused() throws -> ProjectSession {
        let session = try project()
        let plan = try session.planFusion(settings: FusionSettings(method: .greedy, rounds: 3), saveAs: "fused")
        _ = try session.runJob(try session.prepareJob(plan.job), plan.job)
        _ = try session.use(TargetRequest(encoder: "face", alpha: 0.1, beta: 0.2))
        return session
    }

    private static let settings = BootstrapSettings(level: 0.95, replicates: 200, seed: 3)

    func testFusionWeightsComeWithTheFoldsWeightsTheRunStored() throws {
        let session = try fused()
        let data = try session.fusionWeights(of: .fusion("fused"))
        XCTAssertEqual(data.bars.map(\.encoder), ["face", "voice"])
        XCTAssertEqual(data.bars.map(\.weight).reduce(0, +), 1, accuracy: 1e-9)
        XCTAssertEqual(data.bars.map(\.folds.count), [5, 5], "one weight per training fold")
        XCTAssertEqual(data.note, "Fold weights: chosen without each training fold (nested), as the honest Score is.")
        XCTAssertThrowsError(try session.fusionWeights(of: .encoder("face"))) {
            XCTAssertEqual($0 as? AppError, .notAFusion(source: "encoder face", fusions: ["fused"]))
            XCTAssertTrue(($0 as? AppError)?.isUsage == true)
        }
        _ = try session.editWeights(of: "fused", set: "face=0.7,voice=0.3")
        let edited = try session.fusionWeights(of: .fusion("fused"))
        XCTAssertEqual(edited.note, "Weights set by hand: the same in every fold.")
        XCTAssertEqual(edited.bars[0].folds, [Double](repeating: edited.bars[0].weight, count: 5))
    }

    func testEveryFigureKindFromTheSession() throws {
        let session = try fused()
        let face = try session.target(TargetRequest())
        let fusion = try session.target(TargetRequest(fusion: "fused"))
        for kind in FigureKind.allCases where kind != .durations {
            let figure = try session.figure(FigureRequest(kind, settings: Self.settings), target: kind == .fusionWeights ? fusion : face)
            XCTAssertEqual(figure.overflowing, [], "\(kind)")
            XCTAssertFalse(figure.marks.isEmpty, "\(kind)")
        }
        XCTAssertThrowsError(try session.figure(FigureRequest(.fusionWeights), target: face)) {
            XCTAssertEqual($0 as? AppError, .notAFusion(source: "encoder face", fusions: ["fused"]))
        }
        XCTAssertThrowsError(try session.figure(FigureRequest(.durations, settings: Self.settings), target: face)) {
            guard case .noDurations = $0 as? AppError else { return XCTFail("\($0)") }
        }
    }

    func testTheReportHasEverySectionAndIsTheSameTwice() throws {
        let session = try fused()
        let target = try session.target(TargetRequest())
        let request = ReportRequest(settings: Self.settings, generated: Date(timeIntervalSince1970: 1_767_323_045), version: "9.9.9")
        let document = try session.report(target, request: request)
        XCTAssertEqual(document.sections.map(\.id),
                       ["summary", "sources", "heatmap", "folds", "actors", "confusion", "fusion", "durations", "provenance"])
        let figures = document.sections.flatMap(\.blocks).compactMap { if case .figure(let f) = $0 { f.kind } else { nil } }
        XCTAssertEqual(figures, ["heatmap", "beta-curves", "actor-beta", "confusion", "fusion-weights"])
        let durations = try XCTUnwrap(document.sections.first { $0.id == "durations" })
        guard case .missing(let why) = durations.blocks.first else { return XCTFail("\(durations.blocks)") }
        XCTAssertTrue(why.contains("link the videos first"), why)
        let tables = document.sections.flatMap(\.blocks).compactMap { if case .table(let t) = $0 { t } else { nil } }
        let sources = try XCTUnwrap(tables.first { $0.name == "sources" })
        XCTAssertEqual(sources.rows.map { $0[0] }, [.text("encoder face"), .text("encoder voice"), .text("fusion fused")])
        let html = HTMLReport.render(document)
        XCTAssertTrue(html.contains("<dt>generated (UTC)</dt><dd>2026-01-02T03:04:05Z</dd>"), "the injected time")
        XCTAssertTrue(html.contains("<dd>9.9.9</dd>"))
        XCTAssertTrue(html.contains("<dd>encoder face: the project&#39;s current source</dd>"))
        XCTAssertTrue(html.contains("200 replicates, seed 3"))
        XCTAssertEqual(html.components(separatedBy: "<svg").count - 1, 5)
        for fetch in ["<script", "<link", "src=", "<img", "@import"] { XCTAssertFalse(html.contains(fetch), "\(fetch): nothing fetched") }
        XCTAssertEqual(HTMLReport.render(try session.report(target, request: request)), html, "the same report twice")
    }
}
