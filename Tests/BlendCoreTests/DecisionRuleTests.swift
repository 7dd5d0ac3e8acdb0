import XCTest
@testable import BlendCore

final class DecisionRuleTests: XCTestCase {
    func testRuleSteps() {
        // Largest below α: that emotion alone.
        XCTAssertEqual(DecisionRule.decide([0.3, 0.2, 0.2, 0.1, 0.1, 0.1], alpha: 0.4, beta: 0.1), .single(.ang))
        // Second below α: the first alone.
        XCTAssertEqual(DecisionRule.decide([0.5, 0.1, 0.2, 0.1, 0.05, 0.05], alpha: 0.25, beta: 0.1), .single(.ang))
        // Neutral second: the other emotion.
        XCTAssertEqual(DecisionRule.decide([0.1, 0.0, 0.0, 0.5, 0.0, 0.4], alpha: 0.1, beta: 0.1), .single(.hap))
        // Neutral first: neutral unless tied.
        XCTAssertEqual(DecisionRule.decide([0.1, 0.0, 0.0, 0.4, 0.0, 0.5], alpha: 0.1, beta: 0.1), .single(.neu))
        XCTAssertEqual(DecisionRule.decide([0.1, 0.0, 0.0, 0.45, 0.0, 0.45], alpha: 0.1, beta: 0.1), .single(.hap))
        // Close pair: 50/50; distant: 70/30 toward the larger.
        XCTAssertEqual(DecisionRule.decide([0.4, 0.0, 0.35, 0.1, 0.1, 0.05], alpha: 0.1, beta: 0.1), .blend(.ang, 50, .fea))
        XCTAssertEqual(DecisionRule.decide([0.2, 0.0, 0.5, 0.1, 0.1, 0.1], alpha: 0.1, beta: 0.1), .blend(.fea, 70, .ang))
    }

    func testTopTwoTiesGoToLowerIndex() {
        XCTAssertEqual(DecisionRule.topTwo([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]).0, 0)
        XCTAssertEqual(DecisionRule.topTwo([0.2, 0.2, 0.2, 0.2, 0.1, 0.1]).1, 1)
        XCTAssertEqual(DecisionRule.topTwo([0.1, 0.1, 0.3, 0.1, 0.3, 0.1]).0, 2)
        XCTAssertEqual(DecisionRule.topTwo([0.1, 0.1, 0.3, 0.1, 0.3, 0.1]).1, 4)
    }

    func testOfficialGridMatchesNumpyLinspace() {
        let g = ThresholdGrid.official.betas
        XCTAssertEqual(g.count, 20)
        XCTAssertEqual(g[0], 0.05)
        XCTAssertEqual(g[2], 0.14473684210526316)
        XCTAssertEqual(g[8], 0.4289473684210526)
        XCTAssertEqual(g[19], 0.95)
    }

    func testLabelSpellingRoundTrips() throws {
        for text in ["neu:100", "ang:30;sad:70", "disg:70;fea:30", "fea:50;hap:50"] {
            XCTAssertEqual(Label(text)?.description, text)
        }
        XCTAssertNil(Label("ang:60;sad:40"))
        XCTAssertEqual(try ClipName("A438_mix_disg_hap_30_70_ver1").label, .blend(.hap, 70, .disg))
        XCTAssertEqual(try ClipName("clips/A303_neu_sit2_ver1.mov").actor, "A303")
    }
}
