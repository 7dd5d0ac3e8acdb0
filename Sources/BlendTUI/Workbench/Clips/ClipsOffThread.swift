import BlendApp
import BlendCore

/// The Clips screen's work that must not run on the UI thread: rebuilding the rows when α/β
/// move under the right/wrong filter, the label review for the dispute order, and reading the
/// selected clip's notes and tags and the project's tags. Each is a keyed effect, so a newer
/// request supersedes an older one, and each result is used only while it still applies.
extension ClipsReducer {
    /// Effect keys, one per kind of work.
    static let clipRowsKey = EffectKey.clipRows.rawValue, labelReviewKey = EffectKey.labelReview.rawValue,
               clipNotesKey = EffectKey.clipNotes.rawValue, clipTagsKey = EffectKey.clipTags.rawValue

    /// Above this many clips a rebuild (filter, then sort by name) takes longer than a frame, so
    /// filter, sort and search keys hand it to the background as α/β steps do; below it they
    /// rebuild in line, with no "…" in between.
    static let inlineRebuildLimit = 20_000

    /// Rebuilds the rows after a filter, order or search change: in line for a project of
    /// ordinary size, off the UI thread for a large one.
    static func rebuildClips(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard (context.project?.scored?.count ?? 0) > Self.inlineRebuildLimit else {
            refreshClips(&clips, context)
            return []
        }
        return rebuildClipRowsOffThread(&clips, context)
    }

    /// After α or β moved. Only right/wrong and the confusion cell depend on them; the other
    /// filters and orders do not.
    static func clipRowsAfterThresholds(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        clips.query.outcome == .all && clips.query.cell == nil ? [] : rebuildClipRowsOffThread(&clips, context)
    }

    /// Rebuilds the rows for the current query and α/β off the UI thread; the table keeps the
    /// old rows (marked pending) until they arrive.
    static func rebuildClipRowsOffThread(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let scored = context.project?.scored else { return [] }
        let request = ClipRowsRequest(query: clips.query, thresholds: context.thresholds)
        clips.pending.rows = request
        let review = clips.labelReview, tags = clips.notes.tagMap, unlabelled = context.project?.unlabelled ?? .empty
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
    static func clipsFollowUp(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        requestLabelReview(&clips, context) + followSelectedClipNotes(&clips, context) + followClipVideo(&clips, context)
    }

    private static func requestLabelReview(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard clips.query.sort == .dispute, clips.labelReview == nil, !clips.pending.review,
              let project = context.project, let scored = project.scored else { return [] }
        clips.pending.review = true
        let panel = project.reviewPanel
        return [.task(.labelReview) { .clips(.reviewed(scored.labelReview(panel: panel))) }]
    }

    /// Reads the selected clip's notes and tags once the selection rests (while j is held,
    /// each step supersedes the last before it touches the store).
    private static func followSelectedClipNotes(_ clips: inout ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.app.screen == .clips, context.project != nil else { return [] }
        let name = clips.selected.flatMap { context.project?.clip($0)?.name }
        guard name != clips.notes.clip else { return [] }
        clips.notes.clip = name
        clips.notes.notes = []
        clips.notes.tags = []
        clips.notes.loadError = nil
        clips.notes.loading = name != nil
        guard let name else { return [.cancel(EffectKey.clipNotes)] }
        let path = context.path, access = context.access
        return [.run(.clipNotes) { send in
            do { try await Task.sleep(for: .milliseconds(60)) } catch { return }
            send(Self.readNotes(clip: name, path: path, from: access))
        }]
    }

    /// Reads every clip's tags (once after loading; the tag filter and completion use them).
    static func loadClipTags(_ clips: ClipsState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        let path = context.path, access = context.access
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
