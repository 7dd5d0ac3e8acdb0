import XCTest

/// Issue 14 item 3's three tasks on the demo (`SharedDemo`, made once for the test process;
/// each test works on its own copy). See `ThreeTasks`.
final class TUIThreeTasksDemoTests: XCTestCase {
    func testActorBetaToItsFlippingClipsAndPlayOne() throws { try ThreeTasks.actorBeta(self, .demo) }
    func testFusionWeightsEditedReoptimisedAcceptedSavedAndShown() throws { try ThreeTasks.fusionWeights(self, .demo) }
    func testConfusionAtTheSourcesBestExportedAsLaTeX() throws { try ThreeTasks.confusionExport(self, .demo) }
}

/// The same three tasks on the real predictions of `Data/real/` (imported once for the test
/// process; each test works on its own copy).
final class TUIThreeTasksRealTests: XCTestCase {
    func testActorBetaToItsFlippingClipsAndPlayOne() throws { try ThreeTasks.actorBeta(self, .real) }
    func testFusionWeightsEditedReoptimisedAcceptedSavedAndShown() throws { try ThreeTasks.fusionWeights(self, .real) }
    func testConfusionAtTheSourcesBestExportedAsLaTeX() throws { try ThreeTasks.confusionExport(self, .real) }
}
