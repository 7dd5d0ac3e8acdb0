import BlendCore
@testable import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// Notes and tags in the clip pane: reading them when the selection rests, the editor's keys,
/// and what a save's success or failure does (the store itself is in `ClipNotesStoreTests`).
final class ClipNotesTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private let day = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18, noon UTC

    private func note(_ id: Int64, _ clip: String, _ text: String) -> ClipNote {
        ClipNote(id: id, clip: clip, text: text, created: day)
    }

    /// On the Clips screen with the selected clip's notes read.
    private func showing(notes: [ClipNote] = [], tags: [String] = [], width: Int = 160, height: Int = 48) -> WorkbenchState {
        var state = F.loaded(width: width, height: height)
        F.send(&state, F.key("2"))
        F.send(&state, .clips(.notesLoaded(clip: clip(state), notes: notes, tags: tags)))
        return state
    }

    private func clip(_ state: WorkbenchState) -> String { F.scored.clips[state.clips.selected!].name }

    /// The keys of the notes' own effects that `key` starts.
    private func notesKeys(_ state: inout WorkbenchState, _ key: String) -> [String] {
        F.effectKeys(&state, F.key(key)).compactMap { $0 }.filter { $0.hasSuffix(ClipsReducer.clipNotesKey) }
    }

    func testSelectingAClipReadsItsNotesOnceTheSelectionRests() {
        var state = F.loaded(width: 160, height: 48)
        // Other parts (the jobs poll, the video preview) start their own work on the same keys.
        XCTAssertEqual(notesKeys(&state, "2"), [ClipsReducer.clipNotesKey])
        let first = clip(state)
        XCTAssertEqual(state.clips.notes.clip, first)
        XCTAssertTrue(state.clips.notes.loading)
        XCTAssertTrue(F.clipPaneText(state).contains("notes and tags …"))
        XCTAssertEqual(notesKeys(&state, "j"), [ClipsReducer.clipNotesKey],
                       "the newer read supersedes the older one")
        XCTAssertEqual(notesKeys(&state, "1"), [], "nothing is read off the Clips screen")
        F.send(&state, F.key("2"))
        let second = clip(state)
        XCTAssertNotEqual(first, second)
        F.send(&state, .clips(.notesLoaded(clip: first, notes: [note(1, first, "stale")], tags: [])))
        XCTAssertTrue(state.clips.notes.loading, "a late answer for the previous clip is dropped")
        F.send(&state, .clips(.notesLoaded(clip: second, notes: [note(2, second, "hand over face")], tags: ["occluded"])))
        XCTAssertFalse(state.clips.notes.loading)
        let pane = F.clipPaneText(state)
        XCTAssertTrue(pane.contains("2026-11-18 hand over face"), pane)
        XCTAssertTrue(pane.contains(" occluded "))
        F.send(&state, .clips(.notesFailed(clip: second, "disk on fire")))
        XCTAssertTrue(F.clipPaneText(state).contains("notes unreadable: disk on fire"))
    }

    func testNotesShowNewestFirstAndSayWhatDoesNotFit() {
        let clip = F.scored.clips[0].name
        let notes = (1...30).map { note(Int64($0), clip, "note number \($0)") }
        let state = showing(notes: notes, width: 80, height: 24)
        let pane = F.clipPaneText(state, width: 80, height: 24)
        XCTAssertTrue(pane.contains("notes 30"))
        XCTAssertTrue(pane.contains("note number 30"))
        let shown = (1...30).filter { pane.contains("note number \($0) ") || pane.contains("note number \($0)\n") }
        XCTAssertEqual(shown, Array((31 - shown.count)...30), "the newest ones")
        XCTAssertTrue(pane.contains("… \(30 - shown.count) more"), pane)
    }

    func testAddNoteOpensAnEditorThatTakesEveryKeyAndEscCancels() {
        var state = showing()
        F.press(&state, "n")
        XCTAssertEqual(state.clips.notes.editor?.kind, .addNote)
        F.type(&state, "brows 2 q")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "brows 2 q", "screen keys and q type into the note")
        XCTAssertEqual(state.app.screen, .clips)
        XCTAssertFalse(state.app.quitting)
        let selected = state.clips.scroll.selected
        let wheel = InputEvent.mouse(MouseEvent(x: 40, y: 10, action: .wheelDown))
        XCTAssertTrue(F.program.actions(for: wheel, region: nil, state: state).isEmpty, "the mouse waits for the editor")
        XCTAssertTrue(F.clipPaneText(state).contains("note brows 2 q"))
        F.press(&state, "escape")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.clips.scroll.selected, selected)
    }

    func testEnterSavesOffTheUIThreadAndSuccessClosesTheEditor() {
        var state = showing()
        F.press(&state, "n")
        F.type(&state, "hand over face")
        let effects = F.program.update(&state, .clips(.editing(KeyChord(parsing: "enter")!)))
        XCTAssertEqual(effects.count, 1)
        XCTAssertEqual(state.clips.notes.editor?.saving, true)
        F.type(&state, "x")
        F.press(&state, "enter")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "hand over face", "no edits while saving")
        XCTAssertTrue(F.clipPaneText(state).contains("saving …"))
        let edit = ClipEdit(kind: .addNote, clip: clip(state), text: "hand over face")
        F.send(&state, .clips(.saved(edit, message: "note added to \(edit.clip)")))
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.app.toasts.last?.text, "note added to \(edit.clip)")
        XCTAssertEqual(state.app.toasts.last?.kind, .success)
    }

    func testAFailedSaveKeepsTheTextAndSaysWhyEvenIfTheEditorWasClosed() {
        var state = showing()
        F.press(&state, "n")
        F.type(&state, "keep me")
        F.press(&state, "enter")
        let edit = ClipEdit(kind: .addNote, clip: clip(state), text: "keep me")
        F.send(&state, .clips(.saveFailed(edit, "database is locked")))
        XCTAssertEqual(state.clips.notes.editor?.input.text, "keep me")
        XCTAssertEqual(state.clips.notes.editor?.error, "database is locked")
        XCTAssertEqual(state.clips.notes.editor?.saving, false)
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
        XCTAssertTrue(F.clipPaneText(state).contains("database is locked"))

        F.press(&state, "enter")
        F.press(&state, "escape")
        XCTAssertNil(state.clips.notes.editor)
        F.send(&state, .clips(.saveFailed(edit, "database is locked")))
        XCTAssertEqual(state.clips.notes.editor?.input.text, "keep me", "closed while saving: reopened with the text")
    }

    func testEditNoteStartsFromTheNewestNoteAndNeedsOne() throws {
        var state = showing()
        F.press(&state, "N")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.app.toasts.last?.kind, .warning)
        let name = clip(state)
        F.send(&state, .clips(.notesLoaded(clip: name, notes: [note(4, name, "old"), note(9, name, "newest")], tags: [])))
        F.press(&state, "N")
        XCTAssertEqual(state.clips.notes.editor?.kind, .editNote(id: 9))
        XCTAssertEqual(state.clips.notes.editor?.input.text, "newest")
        XCTAssertTrue(F.clipPaneText(state).contains("empty deletes"))
    }

    func testEditAndRemoveWaitForTheNotesToBeRead() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        F.press(&state, "T")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertTrue(state.app.toasts.last?.text.hasPrefix("still reading") == true)
        F.press(&state, "t")
        XCTAssertEqual(state.clips.notes.editor?.kind, .addTag, "adding needs nothing read")
    }

    func testTagCompletionCyclesTheProjectsTagsTheClipLacks() {
        var state = showing(tags: ["occluded"])
        let name = clip(state)
        F.send(&state, .clips(.tagMapLoaded([name: ["occluded"], "elsewhere": ["suspect", "smile", "occluded"]])))
        F.press(&state, "t")
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "smile")
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "suspect")
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "smile", "round again")
        F.press(&state, "shift+tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "suspect")
        F.press(&state, "ctrl+u")
        F.type(&state, "sm")
        XCTAssertTrue(F.clipPaneText(state).contains("tab: smile"))
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "smile")
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "smile", "only what starts with the typed text")
    }

    func testRemoveTagPicksAmongTheClipsTags() {
        var state = showing()
        F.press(&state, "T")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.app.toasts.last?.text, "\(clip(state)) has no tags")
        let name = clip(state)
        F.send(&state, .clips(.notesLoaded(clip: name, notes: [], tags: ["blurry", "occluded", "suspect"])))
        F.press(&state, "T")
        XCTAssertEqual(state.clips.notes.editor?.kind, .removeTag)
        XCTAssertEqual(state.clips.notes.editor?.input.text, "blurry")
        F.press(&state, "down")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "occluded")
        F.press(&state, "tab")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "suspect")
        F.press(&state, "up")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "occluded")
    }

    func testNoSelectionNoEditor() {
        var state = showing()
        F.send(&state, F.key("/"))
        for character in "no clip is called this" {
            F.send(&state, .clips(.searching(KeyChord(parsing: character == " " ? "space" : String(character))!)))
        }
        F.send(&state, .clips(.searching(KeyChord(parsing: "enter")!)))
        XCTAssertNil(state.clips.selected)
        F.press(&state, "n")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.app.toasts.last?.text, "select a clip first")
    }
}

final class ClipNotesEditorPlacementTests: XCTestCase {
    private typealias F = WorkbenchFixture

    func testTheEditorNamesItsClipWhenTheSelectionMovedUnderIt() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let first = F.scored.clips[state.clips.selected!].name
        F.press(&state, "n")
        F.send(&state, .clips(.select(5)))
        XCTAssertNotEqual(F.scored.clips[state.clips.selected!].name, first)
        XCTAssertTrue(F.clipPaneText(state).contains("note on \(first) "))
    }

    func testAnEditorReopenedByAFailureOffTheClipsScreenWaitsThere() {
        var state = F.loaded(width: 160, height: 48)
        F.send(&state, F.key("2"))
        let edit = ClipEdit(kind: .addTag, clip: F.scored.clips[state.clips.selected!].name, text: "occluded")
        F.send(&state, F.key("3"), .clips(.saveFailed(edit, "database is locked")))
        XCTAssertNotNil(state.clips.notes.editor)
        F.press(&state, "1")
        XCTAssertEqual(state.app.screen, .overview, "keys elsewhere are not swallowed")
        F.press(&state, "2")
        F.press(&state, "x")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "occludedx")
    }
}
