import XCTest
@testable import BlendTUI

/// Two kinds of work never share an effect key (a shared key would cancel the other's work).
final class EffectKeyTests: XCTestCase {
    func testEveryKeyIsDistinct() {
        let keys: [EffectKey] = [
            .load, .analysis, .encoders, .actors, .apply, .durations, .clipRows, .labelReview, .clipNotes, .clipTags,
            .clipVideo, .clipThumbnails, .confusionExport, .fusionLoad, .fusionMetrics, .fusionLeaveOneOut,
            .fusionOptimise, .fusionSave, .jobsPoll, .sourceChoices, .sourceUse, .jobCancel(3), .jobCancel(4), .jobTrain(1), .jobTrain(2),
            .figure(1), .figure(2),
            .screen(.overview, "load"), .screen(.clips, "load"),
        ]
        XCTAssertEqual(Set(keys.map(\.rawValue)).count, keys.count)
        XCTAssertFalse(keys.contains { $0.rawValue.hasPrefix("toast:") }, "the app's toasts own that prefix")
    }
}
