import BlendCore
import XCTest
@testable import BlendStore

/// The store's own guard behind the edge checks: thresholds and fusion weights that are NaN,
/// infinite, negative or all zero are refused and nothing is written.
final class StoreNumberGuardTests: XCTestCase {
    func testSettingsRefuseNaNInfinityAndOutOfRangeThresholds() throws {
        let project = try TestProject.small(self)
        let before = try project.store.contentSnapshot()
        for value in [Double.nan, .infinity, -.infinity, -1, 2, 1e308] {
            XCTAssertThrowsError(try project.store.updateSettings(thresholds: Thresholds(alpha: value, beta: 0.2)), "\(value)")
            XCTAssertThrowsError(try project.store.updateSettings(thresholds: Thresholds(alpha: 0.2, beta: value)), "\(value)")
        }
        XCTAssertEqual(try project.store.contentSnapshot(), before)
    }

    func testFusionsRefuseBadWeightsAndThresholds() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let probs = try project.file("p.csv", "filename,ang,disg,fea,hap,sad,neu\nA117_ang_int1_ver1,1,0,0,0,0,0\n")
        try store.importProbabilities(from: probs, encoder: "audio")
        let before = try store.contentSnapshot()
        func spec(_ face: Double, _ audio: Double, alpha: Double = 0.1) -> FusionSpec {
            FusionSpec(name: "f", weights: [FusionWeight(encoder: "face", weight: face), FusionWeight(encoder: "audio", weight: audio)],
                       thresholds: Thresholds(alpha: alpha, beta: 0.2), method: "manual")
        }
        for (face, audio) in [(Double.nan, 1), (.infinity, 0), (-.infinity, 1), (1.5, -0.5), (0, 0), (1e308, 1e308)] {
            XCTAssertThrowsError(try store.saveFusion(spec(face, audio)), "\(face), \(audio)")
        }
        XCTAssertThrowsError(try store.saveFusion(spec(0.5, 0.5, alpha: .nan)))
        XCTAssertEqual(try store.contentSnapshot(), before)
    }
}
