import BlendCore
import XCTest
@testable import BlendTUI

/// The Fusion screen's honest Score (weights and α/β chosen on the other folds) with its
/// interval over the out-of-fold decisions and the actors it rests on, the coverage of a
/// partial encoder in the list, and panel titles that say their scope.
final class FusionHonestScoreTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func withProposal(width: Int, height: Int) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        F.send(&state, F.key("4"), F.key("o"), .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        F.send(&state, .fusion(.jobFinished(F.fusionProposal)))
        // The proposal's "α/β from other folds" interval, as its effect computes it.
        if let key = state.fusion.proposalFoldKey {
            F.send(&state, .fusion(.foldIntervals(key, F.fusionInputs.heldOutIntervals(of: F.fusionProposal.fixed,
                                                                                          settings: FusionReducer.intervalSettings).intervals)))
        }
        // The toast would cover the pane in a golden; the screen is what is checked.
        for toast in state.app.toasts { F.send(&state, .app(.dismissToast(id: toast.id))) }
        return state
    }

    func testAProposalAsksForItsFoldIntervalUnderItsOwnTaskAndShowsIt() async throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("4"), F.key("o"), .fusion(.modalKey(KeyChord(parsing: "enter")!)))
        let effects = F.program.update(&state, .fusion(.jobFinished(F.fusionProposal)))
        let key = try XCTUnwrap(state.fusion.proposalFoldKey)
        XCTAssertNil(state.fusion.proposalFoldIntervals, "not before its answer")
        let proposed = "→ " + Format.fraction(F.fusionProposal.fixed.assessment.honest.score) + " "
        XCTAssertTrue(F.program.frame(state, width: 160, height: 48).text().contains(proposed + "[…]"), "no interval before it arrives")
        let actions = await F.perform(effects, key: "screen.fusion.proposal-fold-intervals")
        guard case .fusion(.foldIntervals(let answered, let ci))? = actions.first else { return XCTFail("\(actions)") }
        XCTAssertEqual(answered, key)
        F.send(&state, actions[0])
        XCTAssertEqual(state.fusion.proposalFoldIntervals, ci)
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains(proposed + OverviewScreen.interval(ci.score, compact: false)), text)
    }

    func testTheProposalsHonestScoreShowsItsIntervalAndN() throws {
        let proposal = F.fusionProposal
        let ci = try XCTUnwrap(proposal.intervals?.honest)
        // The interval is the CLI's: the actor bootstrap over the nested decisions.
        let direct = try XCTUnwrap(F.fusionInputs.intervals(of: proposal.report, settings: BootstrapSettings(replicates: 200)))
        XCTAssertEqual(ci, direct.honest)
        for (width, height) in [(80, 24), (160, 48)] {
            let text = F.program.frame(withProposal(width: width, height: height), width: width, height: height).text()
            XCTAssertTrue(text.contains(OverviewScreen.interval(ci.score, compact: width < 100)), text)
            XCTAssertTrue(text.contains("\(ci.units) actors"), text)
            XCTAssertTrue(text.contains("chosen on the other folds"), text)
            XCTAssertTrue(text.contains("Re-optimise · training folds") && text.contains("Live · training split"), text)
        }
    }

    func testAPartialEncoderShowsItsCoverageAndClicksStillSetWeights() throws {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("4"))
        let text = F.program.frame(state, width: 160, height: 48).text()
        XCTAssertTrue(text.contains("540/600"), "\"other\" lacks every tenth clip: \(text)")
        var narrow = F.loaded()
        F.send(&narrow, F.key("4"))
        XCTAssertTrue(F.program.frame(narrow, width: 80, height: 24).text().contains("90%"))
        // A click on the bar's last cell sets the largest weight, the coverage column notwithstanding.
        let layout = FusionLayout(state.app, data: state.fusion.data)
        let bar = layout.bar(for: state.fusion)
        let canvas = F.program.frame(state, width: 160, height: 48)
        let region = canvas.region(atX: bar.maxX - 1, y: bar.y)
        XCTAssertEqual(region.flatMap(ClickTarget.init(region:)), .fusionBar(0))
    }

    func testTheFusionGoldensWithAProposal() throws {
        for (width, height) in [(80, 24), (160, 48)] {
            try F.assertGolden(F.program.frame(withProposal(width: width, height: height), width: width, height: height),
                               "fusion-proposal-\(width)x\(height)")
        }
    }
}
