import XCTest
@testable import BlendTUI

final class FuzzyMatcherTests: XCTestCase {
    func testSubsequenceRequired() {
        XCTAssertNotNil(FuzzyMatcher.match("thr", in: "Go to Thresholds"))
        XCTAssertNil(FuzzyMatcher.match("rht", in: "Go to Thresholds"), "order matters")
        XCTAssertNil(FuzzyMatcher.match("thresholdsx", in: "Thresholds"))
        XCTAssertEqual(FuzzyMatcher.match("", in: "anything"), FuzzyMatch(score: 0, positions: []))
        XCTAssertNotNil(FuzzyMatcher.match("GTT", in: "go to thresholds"), "case-insensitive")
    }

    func testPrefersWordStartsOverTheFirstOccurrence() {
        // Greedy matching would take the "t" of "to"; the best alignment is the word "Thresholds".
        let match = FuzzyMatcher.match("thr", in: "Go to Thresholds")
        XCTAssertEqual(match?.positions, [6, 7, 8])
        XCTAssertEqual(FuzzyMatcher.match("gt", in: "Go to Thresholds")?.positions, [0, 3])
        XCTAssertEqual(FuzzyMatcher.match("ef", in: "export fusion weights")?.positions, [0, 7])
    }

    func testSpacesInTheQueryAreIgnored() {
        XCTAssertEqual(FuzzyMatcher.match("go th", in: "Go to Thresholds")?.positions, [0, 1, 6, 7])
    }

    func testRanking() {
        let titles = ["Export confusion table", "Go to Confusion", "Toggle counts / rates", "Go to Clips", "Quit"]
        let ranked = FuzzyMatcher.rank("conf", titles).map { titles[$0.index] }
        XCTAssertEqual(ranked, ["Go to Confusion", "Export confusion table"])
        let clips = FuzzyMatcher.rank("cl", titles).map { titles[$0.index] }
        XCTAssertEqual(clips.first, "Go to Clips")
        XCTAssertEqual(FuzzyMatcher.rank("", ["b", "a"]).map(\.index), [0, 1], "an empty query keeps the order")
    }

    func testConsecutiveBeatsScattered() {
        let tight = FuzzyMatcher.match("abc", in: "xabcx")!.score
        let loose = FuzzyMatcher.match("abc", in: "xaxbxcx")!.score
        XCTAssertGreaterThan(tight, loose)
    }
}
