import BlendDemo
import Foundation
import XCTest
import BlendCore
@testable import BlendTUI

final class PaperEncoderTests: XCTestCase {
    func testCompiledCopyEqualsTheDataFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Data/reference/paper_encoders.csv")
        XCTAssertEqual(PaperEncoder.csv, try String(contentsOf: file, encoding: .utf8))
    }

    func testRowsWithScoresAndNameMatching() throws {
        let hicmae = try XCTUnwrap(PaperEncoder.all.first { $0.name == "HiCMAE" })
        XCTAssertEqual(PaperEncoder.matching("hicmae_ce"), hicmae)
        XCTAssertEqual(PaperEncoder.matching("HiCMAE"), hicmae)
        XCTAssertEqual(PaperEncoder.matching("S4D-ViTMoE (face)")?.score, 0.240)
        XCTAssertNil(PaperEncoder.matching("face"))
        // Every demo encoder with a published row finds it, by the row it imitates.
        for spec in DemoEncoderSpec.reference where spec.targetIsPublished {
            XCTAssertEqual(PaperEncoder.matching(spec.name)?.name, spec.referenceName, spec.name)
        }
        // A short name that one paper name extends; an ambiguous one matches nothing.
        XCTAssertEqual(PaperEncoder.matching("TimeSformer")?.name, "TimeSformer (body ft)")
        XCTAssertNil(PaperEncoder.matching("Wav2Vec2"))
        XCTAssertNil(PaperEncoder.all.first { $0.name == "VideoSwin" }, "rows without published metrics are left out")
    }
}
