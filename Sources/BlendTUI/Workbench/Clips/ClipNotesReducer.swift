import BlendApp
import BlendCore

/// The Clips screen's notes and tags (a line editor in the clip pane; every write runs off
/// the UI thread and a failure puts the text back with the reason) and the results of its
/// off-thread work.
extension WorkbenchProgram {
    /// Handles a Clips action.
    func updateClips(_ state: inout WorkbenchState, _ action: ClipsAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .rowsBuilt(let request, let rows):
            guard request == state.clips.pending.rows, request.query == state.clips.query,
                  request.thresholds == state.thresholds else { return [] }
            state.clips.pending.rows = nil
            showClipRows(&state, rows)
            return clipsFollowUp(&state)
        case .reviewed(let review):
            state.clips.pending.review = false
            state.clips.labelReview = review
            return state.clips.query.sort == .dispute ? rebuildClipRowsOffThread(&state) : []
        case .notesLoaded(let clip, let notes, let tags):
            guard clip == state.clips.notes.clip else { return [] }
            state.clips.notes.notes = notes
            state.clips.notes.tags = tags
            state.clips.notes.loading = false
            state.clips.notes.loadError = nil
            return []
        case .notesFailed(let clip, let why):
            guard clip == state.clips.notes.clip else { return [] }
            state.clips.notes.loading = false
            state.clips.notes.loadError = why
            return []
        case .tagMapLoaded(let map):
            state.clips.notes.tagMap = map
            return state.clips.query.tag == nil ? [] : rebuildClipRowsOffThread(&state)
        case .editing(let chord):
            return editClipNote(&state, chord)
        case .saved(let edit, let message):
            if state.clips.notes.editor?.edit == edit { state.clips.notes.editor = nil }
            return update(&state, .app(.showToast(message, .success)))
        case .saveFailed(let edit, let why):
            // The editor may have been closed while saving: open it again, so the text survives.
            var editor = state.clips.notes.editor.flatMap { $0.edit == edit ? $0 : nil }
                ?? ClipNoteEditor(kind: edit.kind, clip: edit.clip, text: edit.text)
            editor.saving = false
            editor.error = why
            state.clips.notes.editor = editor
            return update(&state, .app(.showToast("\(edit.kind.prompt) not saved: \(why)", .error)))
        }
    }

    /// Opens the editor for a notes or tags command; nil when `id` is not one.
    func runClipNotes(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        let commands = [ClipsCommands.addNote, ClipsCommands.addTag, ClipsCommands.editNote, ClipsCommands.removeTag]
        guard commands.contains(id) else { return nil }
        guard let clip = state.clips.selected.flatMap({ state.project?.clip($0)?.name }) else {
            return warn(&state, "select a clip first")
        }
        let notes = state.clips.notes
        // Editing and removing start from what the clip has, so they wait for it to be read.
        let read = !notes.loading && notes.clip == clip
        switch id {
        case ClipsCommands.addNote:
            state.clips.notes.editor = ClipNoteEditor(kind: .addNote, clip: clip)
        case ClipsCommands.addTag:
            state.clips.notes.editor = ClipNoteEditor(kind: .addTag, clip: clip)
        case _ where !read:
            return warn(&state, "still reading \(clip)'s notes and tags")
        case ClipsCommands.editNote:
            guard let latest = notes.notes.last else { return warn(&state, "\(clip) has no note yet: n adds one") }
            // The editor is one line: a note's lines show joined by spaces (and are saved so).
            let oneLine = latest.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
            state.clips.notes.editor = ClipNoteEditor(kind: .editNote(id: latest.id), clip: clip, text: oneLine)
        default:
            guard let first = notes.tags.first else { return warn(&state, "\(clip) has no tags") }
            var editor = ClipNoteEditor(kind: .removeTag, clip: clip, text: first)
            // Showing the first tag counts as the first pick, so Tab goes on to the second.
            editor.completionPrefix = ""
            state.clips.notes.editor = editor
        }
        return []
    }

    /// A key while the editor is open: Enter saves, Esc cancels, Tab / ↑↓ cycle the tag
    /// candidates, other keys edit. Nothing changes while a save runs.
    private func editClipNote(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        guard var editor = state.clips.notes.editor else { return [] }
        if chord.key == .escape {
            state.clips.notes.editor = nil
            return []
        }
        guard !editor.saving else { return [] }
        switch chord.key {
        case .enter:
            editor.saving = true
            editor.error = nil
            state.clips.notes.editor = editor
            return [Self.save(editor.edit, path: state.path, from: project)]
        case .tab where chord.modifiers.contains(.shift), .backTab, .up:
            Self.complete(&editor, backwards: true, in: state.clips.notes)
        case .tab, .down:
            Self.complete(&editor, backwards: false, in: state.clips.notes)
        default:
            if editor.input.handle(chord) { editor.completionPrefix = nil }
        }
        state.clips.notes.editor = editor
        return []
    }

    private func warn(_ state: inout WorkbenchState, _ text: String) -> [Effect<WorkbenchAction>] {
        update(&state, .app(.showToast(text, .warning)))
    }

    /// The tags Tab offers: the project's tags the clip lacks (adding) or the clip's own
    /// (removing), that start with what was typed before cycling began.
    static func completions(for editor: ClipNoteEditor, in notes: ClipNotesState) -> [String] {
        let options: [String] = switch editor.kind {
        case .addTag: notes.allTags.filter { !notes.tags.contains($0) }
        case .removeTag: notes.tags
        case .addNote, .editNote: []
        }
        let prefix = (editor.completionPrefix ?? editor.input.text).lowercased()
        return options.filter { $0.lowercased().hasPrefix(prefix) }
    }

    private static func complete(_ editor: inout ClipNoteEditor, backwards: Bool, in notes: ClipNotesState) {
        let candidates = completions(for: editor, in: notes)
        guard !candidates.isEmpty else { return }
        let step = backwards ? -1 : 1
        let index = editor.completionPrefix == nil ? (backwards ? candidates.count - 1 : 0)
            : (editor.completionIndex + step + candidates.count) % candidates.count
        editor.completionPrefix = editor.completionPrefix ?? editor.input.text
        editor.completionIndex = index
        editor.input.set(candidates[index])
    }

    /// Writes `edit`, reports the outcome, then re-reads the clip's notes and tags and the
    /// project's tag map so the pane and the tag filter show the store as it now is.
    static func save(_ edit: ClipEdit, path: String, from access: ProjectAccess) -> Effect<WorkbenchAction> {
        .run { send in
            let session: ProjectSession
            do {
                session = try access.session(path)
                send(.clips(.saved(edit, message: try write(edit, to: session))))
            } catch {
                send(.clips(.saveFailed(edit, "\(error)")))
                return
            }
            send(readNotes(clip: edit.clip, path: path, from: access))
            if let map = try? tagMap(session) { send(.clips(.tagMapLoaded(map))) }
        }
    }

    /// Performs one edit; returns the toast that says what it did.
    private static func write(_ edit: ClipEdit, to session: ProjectSession) throws -> String {
        let text = edit.text.trimmingCharacters(in: .whitespacesAndNewlines)
        switch edit.kind {
        case .addNote:
            try session.addNote(clip: edit.clip, text: edit.text)
            return "note added to \(edit.clip)"
        case .editNote(let id) where text.isEmpty:
            // Someone else may have deleted it meanwhile: `AppError.noteGone` says so.
            try session.deleteNote(id: id)
            return "note deleted from \(edit.clip)"
        case .editNote(let id):
            try session.updateNote(id: id, text: edit.text)
            return "note updated on \(edit.clip)"
        case .addTag:
            try session.addTag(clip: edit.clip, tag: text)
            return "tagged \(edit.clip) \(text)"
        case .removeTag:
            // `AppError.tagGone` when someone else removed it meanwhile.
            try session.removeTag(clip: edit.clip, tag: text)
            return "removed tag \(text) from \(edit.clip)"
        }
    }
}
