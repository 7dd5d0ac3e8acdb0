@testable import BlendCore
import XCTest
import BlendReport

/// The encoders-at-own-best report (`open`'s table, the Overview's encoders): the labels, the
/// best cell with its intervals, and the modality's code, the clips with probabilities and
/// their share of the project's labelled clips last.
final class EncodersAtBestTableTests: XCTestCase {
    func testRowsHoldTheLabelsTheCellAndTheCoverage() {
        let cell = SweepCell(alphaIndex: 1, betaIndex: 2, thresholds: Thresholds(alpha: 0.1, beta: 0.2),
                             metrics: Metrics(clips: 10, blends: 4, presenceHits: 7, salienceHits: 2))
        let ci = MetricIntervals(settings: .standard, units: 3, accPresence: Interval(0.6, 0.8), accSalience: Interval(0.25, 0.75),
                                 score: Interval(0.5, 0.7))
        let t = AnalysisTables.encodersAtOwnBest([
            EncoderBestRow(name: "face", modality: "video", modalityCode: "V", source: "imported", clips: 12, labelledClips: 16,
                           cell: cell, intervals: ci),
            EncoderBestRow(name: "voice", modality: "audio", modalityCode: "A", source: "trained", clips: 0, labelledClips: 0,
                           cell: cell, intervals: nil),
        ])
        XCTAssertEqual(t.name, "open_encoders")
        XCTAssertEqual(t.columns.map(\.key), ["encoder", "modality", "source", "group", "alpha", "beta", "acc_presence",
                                              "acc_salience", "score", "clips", "blends",
                                              "acc_presence_lo", "acc_presence_hi", "acc_salience_lo", "acc_salience_hi",
                                              "score_lo", "score_hi", "resampled", "units",
                                              "modality_code", "probabilities", "coverage"])
        XCTAssertEqual(Array(t.rows[0].prefix(5)), [.text("face"), .text("video"), .text("imported"), .text("train"), .number(0.1)])
        XCTAssertEqual(Array(t.rows[0].suffix(3)), [.text("V"), .integer(12), .number(0.75)])
        XCTAssertEqual(Array(t.rows[1].suffix(3)), [.text("A"), .integer(0), .missing])
        let text = TextTable.render(t.projected(["encoder": "encoder", "modality_code": "mod", "score": "Score", "coverage": "cov"]))
        XCTAssertEqual(text, "encoder  mod              Score   cov\nface     V    .600 [.500, .700]  .750\nvoice    A                 .600     –")
    }
}
