import XCTest
import BlendMedia

final class GraphicsDetectionTests: XCTestCase {
    private func bytes(_ s: String) -> [UInt8] { Array(s.utf8) }

    func testKittyAnswersOK() {
        let replies = GraphicsDetection.parse(bytes("\u{1B}_Gi=31;OK\u{1B}\\\u{1B}P>|kitty(0.26.5)\u{1B}\\\u{1B}[?62;c"))
        XCTAssertEqual(replies, TerminalReplies(kittyGraphics: true, sixel: false, answeredDeviceAttributes: true,
                                                version: "kitty(0.26.5)"))
        XCTAssertEqual(GraphicsDetection.choose(replies, environment: [:]), .kitty)
    }

    func testSixelFromDeviceAttributes() {
        let replies = GraphicsDetection.parse(bytes("\u{1B}P>|XTerm(379)\u{1B}\\\u{1B}[?63;1;2;4;6;9;15;22c"))
        XCTAssertTrue(replies.sixel)
        XCTAssertFalse(replies.kittyGraphics)
        XCTAssertEqual(GraphicsDetection.choose(replies, environment: [:]), .sixel)
        // 14 is not 4.
        XCTAssertFalse(GraphicsDetection.parse(bytes("\u{1B}[?62;14;22c")).sixel)
    }

    func testKittyErrorAndPlainTerminalGiveCells() {
        let replies = GraphicsDetection.parse(bytes("\u{1B}_Gi=31;ENOTSUPPORTED:no\u{1B}\\\u{1B}[?1;2c"))
        XCTAssertFalse(replies.kittyGraphics)
        XCTAssertTrue(replies.answeredDeviceAttributes)
        XCTAssertEqual(GraphicsDetection.choose(replies, environment: ["TERM": "xterm-256color"]), .cells)
    }

    func testITermByVersionOrProgram() {
        let replies = GraphicsDetection.parse(bytes("\u{1B}P>|iTerm2 3.5.0\u{1B}\\\u{1B}[?62;4c"))
        XCTAssertEqual(GraphicsDetection.choose(replies, environment: [:]), .iterm)
        XCTAssertEqual(GraphicsDetection.choose(TerminalReplies(), environment: ["TERM_PROGRAM": "iTerm.app"]), .iterm)
    }

    /// Under tmux no reply may come back: the outer terminal's variables decide.
    func testEnvironmentHintsWhenNothingAnswers() {
        let none = GraphicsDetection.parse([])
        XCTAssertEqual(GraphicsDetection.choose(none, environment: ["KITTY_WINDOW_ID": "1", "TMUX": "x"]), .kitty)
        XCTAssertEqual(GraphicsDetection.choose(none, environment: ["GHOSTTY_RESOURCES_DIR": "/x"]), .kitty)
        XCTAssertEqual(GraphicsDetection.choose(none, environment: ["TERM_PROGRAM": "WezTerm"]), .kitty)
        XCTAssertEqual(GraphicsDetection.choose(none, environment: [:]), .cells)
    }

    /// Cut-off replies and stray input are not replies.
    func testIncompleteRepliesAreIgnored() {
        XCTAssertEqual(GraphicsDetection.parse(bytes("\u{1B}_Gi=31;OK")), TerminalReplies())
        XCTAssertEqual(GraphicsDetection.parse(bytes("abc\u{1B}[?62;4")), TerminalReplies())
        let mixed = GraphicsDetection.parse(bytes("q\u{1B}[A\u{1B}[?62;4c"))
        XCTAssertTrue(mixed.sixel)
    }

    func testQueryEndsWithDeviceAttributes() {
        XCTAssertTrue(GraphicsDetection.query.hasPrefix("\u{1B}_Gi=31,s=1,v=1,a=q,"))
        XCTAssertTrue(GraphicsDetection.query.hasSuffix("\u{1B}[c"))
    }
}
