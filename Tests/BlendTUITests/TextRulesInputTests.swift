import BlendCore
@testable import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// No input field holds a character `TextRules` forbids: typed or pasted C1 controls and
/// bidirectional controls are dropped, and text put into a field loses them too.
final class TextRulesInputTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testTextInputDropsForbiddenCharacters() {
        var input = TextInput("ab")
        for c: Character in ["\u{9B}", "\u{202E}", "\u{2066}", "\u{85}", "\u{7F}", "\u{FFFD}", "\u{2028}"] {
            XCTAssertTrue(input.handle(KeyChord(.character(c))), "used, so no command runs")
        }
        XCTAssertTrue(input.handle(KeyChord(.character("c"))))
        XCTAssertEqual(input.text, "abc")
        XCTAssertEqual(input.cursor, 3)
        XCTAssertEqual(TextInput("x\u{1B}[31my\u{202E}").text, "x[31my")
        input.set("tag\u{9B}2J")
        XCTAssertEqual(input.text, "tag2J")
        XCTAssertEqual(input.cursor, 5)
    }

    func testThePasteOfAControlSequenceIntoANoteLeavesOnlyItsText() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let clip = F.scored.clips[state.clips.selected!].name
        F.send(&state, .clips(.notesLoaded(clip: clip, notes: [], tags: [])))
        F.press(&state, "n")
        // What a terminal delivers for pasted "see\u{9B}2J \u{202E}txt": the C1 and bidi
        // characters arrive as characters (C0 bytes arrive as keys and never insert).
        for scalar in "see\u{9B}2J \u{202E}txt".unicodeScalars {
            let chord = KeyDecoder.character(scalar.value) ?? KeyChord(.character(Character(scalar)))
            for action in F.program.actions(for: .key(chord), region: nil, state: state) { F.send(&state, action) }
        }
        XCTAssertEqual(state.clips.notes.editor?.input.text, "see2J txt")
        // The pane's rows are joined by line feeds; nothing else forbidden may show.
        XCTAssertNil(TextRules.firstForbidden(in: F.clipPaneText(state), lineFeeds: true))
        XCTAssertTrue(F.clipPaneText(state).contains("note see2J txt"))
    }

    func testEditingANoteThatSpansLinesShowsItOnOneLine() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let clip = F.scored.clips[state.clips.selected!].name
        let note = ClipNote(id: 3, clip: clip, text: "occluded\nat 2 s", created: Date(timeIntervalSince1970: 1_795_000_000))
        F.send(&state, .clips(.notesLoaded(clip: clip, notes: [note], tags: [])))
        F.press(&state, "N")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "occluded at 2 s")
    }
}
