import Foundation
import XCTest
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
        XCTAssertNil(PaperEncoder.all.first { $0.name == "VideoSwin" }, "rows without published metrics are left out")
    }
}
