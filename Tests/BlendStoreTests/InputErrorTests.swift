import XCTest
@testable import BlendStore

final class InputErrorTests: XCTestCase {
    func testLocatesTheProblem() {
        XCTAssertEqual(InputError(file: "probs.csv", line: 12, "negative probability").description,
                       "probs.csv:12: negative probability")
        XCTAssertEqual(InputError(file: "x.npz", "truncated archive").description, "x.npz: truncated archive")
    }
}
