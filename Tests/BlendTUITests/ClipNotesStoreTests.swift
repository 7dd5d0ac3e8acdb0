import BlendCore
import BlendStore
import Foundation
import XCTest
@testable import BlendTUI

/// Notes and tags written and read through the effects, on a real project file.
final class ClipNotesStoreTests: XCTestCase {
    private typealias F = WorkbenchFixture

    private func opened() async throws -> (state: WorkbenchState, store: ProjectStore, clip: String) {
        let path = try F.storeProject(self)
        var state = WorkbenchProgram.initialState(path: path, width: 160, height: 48)
        await F.settle(&state, .loaded(try ProjectSnapshot.load(path: path)))
        await F.settle(&state, F.key("2"), F.key("j"))
        let clip = try XCTUnwrap(state.clips.selected.map { state.project!.scored!.clips[$0].name })
        XCTAssertEqual(state.clips.notes.clip, clip)
        XCTAssertFalse(state.clips.notes.loading)
        return (state, try ProjectStore(path: path, create: false), clip)
    }

    private func enter(_ state: inout WorkbenchState, typing text: String, after key: String) async {
        F.press(&state, key)
        F.press(&state, "ctrl+u")
        F.type(&state, text)
        await F.pressSettling(&state, "enter")
    }

    func testAddEditAndDeleteANote() async throws {
        var (state, store, clip) = try await opened()
        XCTAssertTrue(F.clipPaneText(state).contains("notes none · n adds"))

        await enter(&state, typing: "hand over face", after: "n")
        let added = try XCTUnwrap(try store.notes(clip: clip).first)
        XCTAssertEqual(added.text, "hand over face")
        XCTAssertNil(state.clips.notes.editor)
        XCTAssertEqual(state.clips.notes.notes, [added], "the pane re-read the store")
        XCTAssertTrue(F.clipPaneText(state).contains("hand over face"))
        XCTAssertEqual(state.app.toasts.last?.text, "note added to \(clip)")

        await enter(&state, typing: "hand over mouth", after: "N")
        XCTAssertEqual(try store.notes(clip: clip).map(\.text), ["hand over mouth"])
        XCTAssertEqual(try store.notes(clip: clip).map(\.id), [added.id], "edited in place")
        XCTAssertEqual(state.clips.notes.notes.map(\.text), ["hand over mouth"])

        await enter(&state, typing: "", after: "N")
        XCTAssertEqual(try store.notes(clip: clip), [])
        XCTAssertEqual(state.clips.notes.notes, [])
        XCTAssertEqual(state.app.toasts.last?.text, "note deleted from \(clip)")
    }

    func testAFailedWriteKeepsWhatWasTyped() async throws {
        var (state, store, clip) = try await opened()
        await enter(&state, typing: "   ", after: "n")
        XCTAssertEqual(state.clips.notes.editor?.error, "a note needs some text")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "   ")
        F.press(&state, "escape")

        await enter(&state, typing: "first", after: "n")
        let note = try XCTUnwrap(try store.notes(clip: clip).first)
        try store.deleteNote(id: note.id)  // behind the workbench's back
        await enter(&state, typing: "a careful rewrite", after: "N")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "a careful rewrite")
        XCTAssertEqual(state.clips.notes.editor?.error, "no note with id \(note.id)")
        XCTAssertEqual(state.app.toasts.last?.kind, .error)
        XCTAssertEqual(try store.notes(clip: clip), [])
    }

    func testAddAFilterByAndRemoveATag() async throws {
        var (state, store, clip) = try await opened()
        await enter(&state, typing: "occluded", after: "t")
        XCTAssertEqual(try store.tags(clip: clip).map(\.tag), ["occluded"])
        XCTAssertEqual(state.clips.notes.tags, ["occluded"])
        XCTAssertEqual(state.clips.notes.tagMap, [clip: ["occluded"]], "the project's tags were re-read")
        XCTAssertTrue(F.clipPaneText(state).contains(" occluded "))

        F.send(&state, F.key("#"))
        XCTAssertEqual(state.clips.query.tag, "occluded")
        XCTAssertEqual(state.clips.rows.map { state.project!.scored!.clips[$0].name }, [clip])

        F.press(&state, "T")
        XCTAssertEqual(state.clips.notes.editor?.input.text, "occluded")
        await F.pressSettling(&state, "enter")
        XCTAssertEqual(try store.tags(clip: clip), [])
        XCTAssertEqual(state.clips.notes.tags, [])
        XCTAssertEqual(state.clips.notes.tagMap, [:])
        XCTAssertEqual(state.clips.rows, [], "the tag filter follows the edit")
        XCTAssertEqual(state.app.toasts.last?.text, "removed tag occluded from \(clip)")
    }
}
