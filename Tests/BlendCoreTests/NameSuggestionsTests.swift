import BlendCore
import XCTest

final class NameSuggestionsTests: XCTestCase {
    func testTheClosestNameComesFirstIgnoringCaseAndTiesKeepTheirOrder() {
        let known = ["HiCMAE", "VideoMAE", "VideoSwin", "ImageBind", "hicmae-kl"]
        XCTAssertEqual(NameSuggestions.closestFirst(to: "VideoMAEv2", among: known).prefix(2), ["VideoMAE", "VideoSwin"])
        XCTAssertEqual(NameSuggestions.closestFirst(to: "hicmae", among: known).first, "HiCMAE")
        XCTAssertEqual(NameSuggestions.closestFirst(to: "x", among: ["ab", "cd"]), ["ab", "cd"])
        XCTAssertEqual(NameSuggestions.closestFirst(to: "x", among: []), [])
    }

    func testOnlyANearNameIsLikelyMeant() {
        XCTAssertEqual(NameSuggestions.likelyMeant("clips.serch", among: ["clips.search", "clips.play"]), "clips.search")
        XCTAssertNil(NameSuggestions.likelyMeant("quit", among: ["clips.search"]))
        XCTAssertEqual(NameSuggestions.editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(NameSuggestions.editDistance("", "abc"), 3)
    }
}
