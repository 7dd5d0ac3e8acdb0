import BlendApp
import BlendCore

/// The Clips screen's notes and tags (a line editor in the clip pane; every write runs off
/// the UI thread and a failure puts the text back with the reason) and the results of its
/// off-thread work.
extension ClipsReducer {
    /// Handles a Clips action.
    static func updateClips(_ clips: inout ClipsState, _ action: ClipsAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .rowsBuilt(let request, let rows):
            guard request == clips.pending.rows, request.query == clips.query,
                  request.thresholds == context.thresholds else { return .nothing }
            clips.pending.rows = nil
            showClipRows(&clips, rows, context)
            return ScreenUpdate(effects: clipsFollowUp(&clips, context))
        case .reviewed(let review):
            clips.pending.review = false
            clips.labelReview = review
            return ScreenUpdate(effects: clips.query.sort == .dispute ? rebuildClipRowsOffThread(&clips, context) : [])
        case .notesLoaded(let clip, let notes, let tags):
            guard clip == clips.notes.clip else { return .nothing }
            clips.notes.notes = notes
            clips.notes.tags = tags
            clips.notes.loading = false
            clips.notes.loadError = nil
            return .nothing
        case .notesFailed(let clip, let why):
            guard clip == clips.notes.clip else { return .nothing }
            clips.notes.loading = false
            clips.notes.loadError = why
            return .nothing
        case .tagMapLoaded(let map):
            clips.notes.tagMap = map
            return ScreenUpdate(effects: clips.query.tag == nil ? [] : rebuildClipRowsOffThread(&clips, context))
        case .editing(let chord):
            return ScreenUpdate(effects: editClipNote(&clips, chord, context))
        case .saved(let edit, let message):
            if clips.notes.editor?.edit == edit { clips.notes.editor = nil }
            return .toast(message, .success)
        case .saveFailed(let edit, let why):
            // The editor may have been closed while saving: open it again, so the text survives.
            var editor = clips.notes.editor.flatMap { $0.edit == edit ? $0 : nil }
                ?? ClipNoteEditor(kind: edit.kind, clip: edit.clip, text: edit.text)
            editor.saving = false
            editor.error = why
            clips.notes.editor = editor
            return .toast("\(edit.kind.prompt) not saved: \(why)", .error)
        case .searching, .select, .selectActor, .openCell, .openList:
            // The table's own actions (`ClipsReducer.reduce`).
            return reduce(&clips, action, context)
        }
    }

    /// Opens the editor for a notes or tags command; nil when `id` is not one.
    static func runClipNotes(_ clips: inout ClipsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        let commands = [ClipsCommands.addNote, ClipsCommands.addTag, ClipsCommands.editNote, ClipsCommands.removeTag]
        guard commands.contains(id) else { return nil }
        guard let clip = clips.selected.flatMap({ context.project?.clip($0)?.name }) else {
            return .toast("select a clip first", .warning)
        }
        let notes = clips.notes
        // Editing and removing start from what the clip has, so they wait for it to be read.
        let read = !notes.loading && notes.clip == clip
        switch id {
        case ClipsCommands.addNote:
            clips.notes.editor = ClipNoteEditor(kind: .addNote, clip: clip)
        case ClipsCommands.addTag:
            clips.notes.editor = ClipNoteEditor(kind: .addTag, clip: clip)
        case _ where !read:
            return .toast("still reading \(clip)'s notes and tags", .warning)
        case ClipsCommands.editNote:
            guard let latest = notes.notes.last else { return .toast("\(clip) has no note yet: n adds one", .warning) }
            // The editor is one line: a note's lines show joined by spaces (and are saved so).
            let oneLine = latest.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
            clips.notes.editor = ClipNoteEditor(kind: .editNote(id: latest.id), clip: clip, text: oneLine)
        default:
            guard let first = notes.tags.first else { return .toast("\(clip) has no tags", .warning) }
            var editor = ClipNoteEditor(kind: .removeTag, clip: clip, text: first)
            // Showing the first tag counts as the first pick, so Tab goes on to the second.
            editor.completionPrefix = ""
            clips.notes.editor = editor
        }
        return .nothing
    }

    /// A key while the editor is open: Enter saves, Esc cancels, Tab / ↑↓ cycle the tag
    /// candidates, other keys edit. Nothing changes while a save runs.
    private static func editClipNote(_ clips: inout ClipsState, _ chord: KeyChord, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard var editor = clips.notes.editor else { return [] }
        if chord.key == .escape {
            clips.notes.editor = nil
            return []
        }
        guard !editor.saving else { return [] }
        switch chord.key {
        case .enter:
            editor.saving = true
            editor.error = nil
            clips.notes.editor = editor
            return [Self.save(editor.edit, path: context.path, from: context.access)]
        case .tab where chord.modifiers.contains(.shift), .backTab, .up:
            Self.complete(&editor, backwards: true, in: clips.notes)
        case .tab, .down:
            Self.complete(&editor, backwards: false, in: clips.notes)
        default:
            if editor.input.handle(chord) { editor.completionPrefix = nil }
        }
        clips.notes.editor = editor
        return []
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
