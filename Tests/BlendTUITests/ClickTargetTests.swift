import XCTest
@testable import BlendTUI

/// Every click target reads back from the id its view marks, and ids that are not the
/// workbench's read as nothing.
final class ClickTargetTests: XCTestCase {
    func testEveryTargetRoundTrips() {
        let targets: [ClickTarget] = [
            .heatCell(row: 3, column: 12), .thresholdsActor(4), .clip(0), .clipActor(7), .videoPicture, .videoThumbnail(2),
            .confusionCell(row: 15, column: 0), .confusionFormat(3), .fusionRow(1), .fusionBar(9), .job(5), .sourceChoice(2),
            .row(.overview, table: "pairs", 3), .row(.jobs, table: "a.b", 0),
        ]
        for target in targets { XCTAssertEqual(ClickTarget(region: target.id), target, target.id) }
    }

    func testTheWidgetsPrefixesReadAsTheirTargets() {
        // Table marks "\(regionID):\(row)", Heatmap "\(regionID):\(row),\(column)".
        XCTAssertEqual(ClickTarget(region: "\(ClickTarget.Prefix.clip.rawValue):12"), .clip(12))
        XCTAssertEqual(ClickTarget(region: "\(ClickTarget.Prefix.clipActor.rawValue):0"), .clipActor(0))
        XCTAssertEqual(ClickTarget(region: "\(ClickTarget.Prefix.heat.rawValue):1,2"), .heatCell(row: 1, column: 2))
        XCTAssertEqual(ClickTarget(region: "\(ClickTarget.rowPrefix(.clips, "pairs")):4"), .row(.clips, table: "pairs", 4))
    }

    func testOtherIdsAreNotTargets() {
        for id in ["tab:2", "palette:0", "clip.header:2", "clip:", "clip:x", "heat:1", "video:thumbnail:", "video:other", "job",
                   "row:clips.pairs:", "row:clips.:1", "row:nowhere.pairs:1", "row:clips:1"] {
            XCTAssertNil(ClickTarget(region: id), id)
        }
    }
}
