import XCTest
@testable import BlendCore

/// Hand-set weights: parsing, application, and their assessment.
final class FusionWeightEditTests: XCTestCase {
    func testParsesPairsWithSpaces() throws {
        let edits = try FusionWeightEdit.parse(" face = 0.2, voice=1 ,noise=0")
        XCTAssertEqual(edits.map(\.encoder), ["face", "voice", "noise"])
        XCTAssertEqual(edits.map(\.weight), [0.2, 1, 0])
    }

    func testRefusesWhatIsNotAWeight() {
        let cases: [(String, String)] = [
            ("", "no weights given"), ("face", "not encoder=weight"), ("=0.3", "names no encoder"),
            ("face=", "not a number"), ("face=x", "not a number"), ("face=inf", "not a number"), ("face=nan", "not a number"),
            ("face=-0.1", "negative"), ("face=1,face=2", "given twice"), ("face=1,", "not encoder=weight"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try FusionWeightEdit.parse(text), text) {
                XCTAssertTrue("\($0)".contains(message), "'\(text)': \($0)")
            }
        }
    }

    func testAppliesEditsAndRenormalises() throws {
        let current = [(encoder: "a", weight: 0.5), (encoder: "b", weight: 0.5)]
        let result = try FusionWeightEdit.apply([("b", 0), ("c", 1.5)], to: current)
        XCTAssertEqual(result.map(\.encoder), ["a", "b", "c"])
        XCTAssertEqual(result.map(\.weight), [0.25, 0, 0.75])
        XCTAssertThrowsError(try FusionWeightEdit.apply([("a", 0), ("b", 0)], to: current)) {
            XCTAssertTrue("\($0)".contains("every weight would be 0"))
        }
    }

    func testFixedWeightsAreAssessedAsTheStudyAssessesThem() throws {
        let inputs = FusionInputs.synthetic(clipCount: 300, encoders: [
            SyntheticEncoder(name: "a", strength: 0.6), SyntheticEncoder(name: "b", strength: 0.3, coverage: 0.7),
        ], seed: 71)
        let fixed = try FixedWeightsReport(inputs, weights: [3, 1])
        XCTAssertEqual(fixed.weights, [0.75, 0.25])
        let training = inputs.filter { $0.fold != nil }.fused(weights: [0.75, 0.25]).scored
        let assessment = try XCTUnwrap(FusionAssessment(training))
        XCTAssertEqual(fixed.assessment, assessment)
        XCTAssertEqual(fixed.thresholds, SweepIndex(training).sweep(grid: .official).best.thresholds)
        XCTAssertEqual(fixed.pooled, SweepIndex(training).metrics(at: fixed.thresholds))
        XCTAssertEqual(FixedWeightsReport.pooled(inputs, weights: [0.75, 0.25], at: fixed.thresholds), fixed.pooled)
        XCTAssertEqual(fixed.renormalisedClips, inputs.present[1].count { !$0 })
        XCTAssertEqual(fixed.droppedClips, 0)
        XCTAssertNotNil(fixed.test)
        // Nested thresholds: each fold at the cell chosen on the others.
        for h in assessment.heldOut {
            let others = SweepIndex(training.filter { $0.fold != h.fold }).sweep(grid: .official).best.thresholds
            XCTAssertEqual(h.thresholds, others)
            XCTAssertEqual(h.metrics, SweepIndex(training.filter { $0.fold == h.fold }).metrics(at: others))
        }
        XCTAssertThrowsError(try FixedWeightsReport(inputs, weights: [0, 0]))
        XCTAssertThrowsError(try FixedWeightsReport(inputs, weights: [1, -1]))
    }
}
