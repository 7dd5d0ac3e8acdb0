@testable import BlendApp
import BlendCore
import XCTest

extension UseCasesInMemoryTests {
    /// The workbench's per-encoder interval (cached per encoder by the Overview) is `open`'s row
    /// for that encoder, and the encoders-at-own-best report built from them carries it.
    func testOneEncodersIntervalAtItsOwnBestIsOpensRow() throws {
        let session = try project()
        let encoders = try session.encodersAtOwnBest()
        let settings = BootstrapSettings(replicates: 300, seed: 3)
        let all = try session.intervals(of: encoders, settings: settings)
        for (e, expected) in zip(encoders, all) {
            XCTAssertEqual(try session.intervalsAtOwnBest(encoder: e.encoder.name, at: e.best.thresholds, settings: settings), expected)
        }
        let table = ProjectSession.encodersAtOwnBestTable(encoders, intervals: all, labelledClips: 48)
        XCTAssertTrue(table.columns.contains { $0.key == "score_lo" } && table.columns.contains { $0.key == "units" })
    }
}
