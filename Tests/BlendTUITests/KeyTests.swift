import XCTest
@testable import BlendTUI

final class KeyTests: XCTestCase {
    func testParsingAndCanonicalForms() {
        XCTAssertEqual(KeyChord(parsing: "q"), .char("q"))
        XCTAssertEqual(KeyChord(parsing: "G"), .char("G"))
        XCTAssertEqual(KeyChord(parsing: "shift+g"), .char("G"))
        XCTAssertEqual(KeyChord(parsing: "ctrl+C"), .ctrl("c"))
        XCTAssertEqual(KeyChord(parsing: "C-c"), .ctrl("c"))
        XCTAssertEqual(KeyChord(parsing: "M-x"), KeyChord(.character("x"), .alt))
        XCTAssertEqual(KeyChord(parsing: "shift+tab"), KeyChord(.backTab))
        XCTAssertEqual(KeyChord(parsing: "PgDn"), KeyChord(.pageDown))
        XCTAssertEqual(KeyChord(parsing: "space"), .char(" "))
        XCTAssertEqual(KeyChord(parsing: "F12"), KeyChord(.function(12)))
        XCTAssertEqual(KeyChord(parsing: "-"), .char("-"))
        XCTAssertEqual(KeyChord(parsing: "+"), .char("+"))
        XCTAssertEqual(KeyChord(parsing: "?"), .char("?"))
        XCTAssertNil(KeyChord(parsing: "ctrl+"))
        XCTAssertNil(KeyChord(parsing: "hyper+x"))
        XCTAssertNil(KeyChord(parsing: ""))
    }

    func testDescriptionRoundTripsAndDisplay() {
        for text in ["q", "G", "ctrl+c", "alt+x", "shift+tab", "pgdn", "f5", "space", "enter", "esc", "up"] {
            let chord = KeyChord(parsing: text)!
            XCTAssertEqual(chord.description, text)
            XCTAssertEqual(KeyChord(parsing: chord.description), chord)
        }
        XCTAssertEqual(KeyChord.ctrl("c").display, "^C")
        XCTAssertEqual(KeyChord(.up).display, "↑")
        XCTAssertEqual(KeyChord(.pageDown).display, "PgDn")
        XCTAssertEqual(KeyChord.char(" ").display, "Space")
    }
}
