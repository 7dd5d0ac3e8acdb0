import Foundation
import XCTest
@testable import BlendStore

final class NoteUpdateTests: XCTestCase {
    func testUpdateReplacesTheTextAndKeepsTheNotesIdentity() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let clip = try store.clips()[3].name
        let first = try store.addNote(clip: clip, text: "hand over face")
        let second = try store.addNote(clip: clip, text: "brows read as fear")

        let updated = try store.updateNote(id: first.id, text: "hand over mouth, not face")
        XCTAssertEqual(updated, ClipNote(id: first.id, clip: clip, text: "hand over mouth, not face", created: first.created))
        XCTAssertEqual(try store.notes(clip: clip), [updated, second], "same id, same time, same order")
    }

    func testUpdateRefusesBlankTextAndUnknownIdsAndChangesNothing() throws {
        let project = try TestProject.small(self)
        let store = project.store
        let clip = try store.clips()[0].name
        let note = try store.addNote(clip: clip, text: "occluded")
        XCTAssertThrowsError(try store.updateNote(id: note.id, text: "  \n")) { error in
            XCTAssertEqual("\(error)", "a note needs some text")
        }
        XCTAssertThrowsError(try store.updateNote(id: note.id + 100, text: "elsewhere")) { error in
            XCTAssertEqual("\(error)", "no note with id \(note.id + 100)")
        }
        XCTAssertEqual(try store.notes(), [note])
    }
}
