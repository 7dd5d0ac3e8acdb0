import BlendApp
import BlendCore

/// The Clips screen's work that must not run on the UI thread: rebuilding the rows when α/β
/// move under the right/wrong filter, the label review for the dispute order, and reading the
/// selected clip's notes and tags and the project's tags. Each is a keyed effect, so a newer
/// request supersedes an older one, and each result is used only while it still applies.
extension WorkbenchProgram {
    /// Effect keys, one per kind of work.
    static let clipRowsKey = EffectKey.clipRows.rawValue, labelReviewKey = EffectKey.labelReview.rawValue,
               clipNotesKey = EffectKey.clipNotes.rawValue, clipTagsKey = EffectKey.clipTags.rawValue

    /// Above this many clips a rebuild (filter, then sort by name) takes longer than a frame, so
    /// filter, sort and search keys hand it to the background as α/β steps do; below it they
    /// rebuild in line, with no "…" in between.
    static let inlineRebuildLimit = 20_000

    /// Rebuilds the rows after a filter, order or search change: in line for a project of
    /// ordinary size, off the UI thread for a large one.
    func rebuildClips(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard (state.project?.scored?.count ?? 0) > Self.inlineRebuildLimit else {
            refreshClips(&state)
            return []
        }
        return rebuildClipRowsOffThread(&state)
    }

    /// After α or β moved. Only right/wrong and the confusion cell depend on them; the other
    /// filters and orders do not.
    func clipRowsAfterThresholds(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        state.clips.query.outcome == .all && state.clips.query.cell == nil ? [] : rebuildClipRowsOffThread(&state)
    }

    /// Rebuilds the rows for the current query and α/β off the UI thread; the table keeps the
    /// old rows (marked pending) until they arrive.
    func rebuildClipRowsOffThread(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard let scored = state.project?.scored else { return [] }
        let request = ClipRowsRequest(query: state.clips.query, thresholds: state.thresholds)
        state.clips.pending.rows = request
        let review = state.clips.labelReview, tags = state.clips.notes.tagMap, unlabelled = state.project?.unlabelled ?? .empty
        return [.task(.clipRows) {
            // A held β key supersedes this within a few milliseconds: only the step the key
            // stops at pays for a rebuild.
            do { try await Task.sleep(for: .milliseconds(25)) } catch { return nil }
            let rows = request.query.rows(scored, unlabelled: unlabelled, at: request.thresholds, review: review, tags: tags)
            return Task.isCancelled ? nil : .clips(.rowsBuilt(request, rows))
        }]
    }

    /// What follows any change on the Clips screen (the places the selected clip can change
    /// call it): the label review when the dispute order needs it, and the selected clip's
    /// notes and tags and its video when the selection moved.
    func clipsFollowUp(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        requestLabelReview(&state) + followSelectedClipNotes(&state) + followClipVideo(&state)
    }

    private func requestLabelReview(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard state.clips.query.sort == .dispute, state.clips.labelReview == nil, !state.clips.pending.review,
              let project = state.project, let scored = project.scored else { return [] }
        state.clips.pending.review = true
        let panel = project.reviewPanel
        return [.task(.labelReview) { .clips(.reviewed(scored.labelReview(panel: panel))) }]
    }

    /// Reads the selected clip's notes and tags once the selection rests (while j is held,
    /// each step supersedes the last before it touches the store).
    private func followSelectedClipNotes(_ state: inout WorkbenchState) -> [Effect<WorkbenchAction>] {
        guard state.app.screen == .clips, state.project != nil else { return [] }
        let name = state.clips.selected.flatMap { state.project?.clip($0)?.name }
        guard name != state.clips.notes.clip else { return [] }
        state.clips.notes.clip = name
        state.clips.notes.notes = []
        state.clips.notes.tags = []
        state.clips.notes.loadError = nil
        state.clips.notes.loading = name != nil
        guard let name else { return [.cancel(EffectKey.clipNotes)] }
        let path = state.path, access = project
        return [.run(.clipNotes) { send in
            do { try await Task.sleep(for: .milliseconds(60)) } catch { return }
            send(Self.readNotes(clip: name, path: path, from: access))
        }]
    }

    /// Reads every clip's tags (once after loading; the tag filter and completion use them).
    func loadClipTags(_ state: WorkbenchState) -> [Effect<WorkbenchAction>] {
        let path = state.path, access = project
        return [.task(.clipTags) {
            // Without them the tag filter has nothing to offer; the table itself still works.
            (try? access.session(path)).flatMap { try? Self.tagMap($0) }.map { .clips(.tagMapLoaded($0)) }
        }]
    }

    /// The clip's notes and tags as an action (or why they could not be read).
    static func readNotes(clip: String, path: String, from access: ProjectAccess) -> WorkbenchAction {
        do {
            let session = try access.session(path)
            return .clips(.notesLoaded(clip: clip, notes: try session.notes(clip: clip), tags: try session.tags(clip: clip).map(\.tag)))
        } catch {
            return .clips(.notesFailed(clip: clip, "\(error)"))
        }
    }

    static func tagMap(_ session: ProjectSession) throws -> [String: Set<String>] {
        try session.tags().reduce(into: [:]) { map, tag in map[tag.clip, default: []].insert(tag.tag) }
    }
}
