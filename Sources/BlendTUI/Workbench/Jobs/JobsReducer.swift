import BlendApp
import Foundation

/// The Jobs screen's reducer over its own slice. The store is polled off the UI thread by one
/// keyed effect at a time, every `pollInterval` while any job is active, one of this process
/// runs, or the screen is shown, and not at all otherwise, so an idle workbench sleeps.
enum JobsReducer {
    /// The pause between two polls of the project's jobs.
    static let pollInterval: Duration = .milliseconds(500)

    static func reduce(_ jobs: inout JobsState, _ action: JobsAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .polled(let records, let time):
            jobs.pollPending = false
            jobs.pollError = nil
            let toasts = toastEnded(&jobs, records)
            jobs.jobs = records
            jobs.polledAt = time
            keepSelection(&jobs, context)
            return ScreenUpdate(effects: schedulePoll(&jobs, context, after: pollInterval), then: toasts)
        case .pollFailed(let message):
            jobs.pollPending = false
            jobs.pollError = message
            return .nothing
        case .key(let chord):
            return key(&jobs, chord, context)
        case .started(let id):
            jobs.own.insert(id)
            // The job just started is the one to watch.
            jobs.selectedID = id
            jobs.logOffset = nil
            // Its end is toasted even if it finishes before a poll sees it running.
            jobs.seen?[id] = .running
            return ScreenUpdate(then: [.app(.jobsRunning(jobs.own.count))], events: [.jobsChanged])
        case .startFailed(let message):
            return .toast("retraining refused: \(message)", .error)
        case .ownJobEnded(let id):
            jobs.own.remove(id)
            return ScreenUpdate(then: [.app(.jobsRunning(jobs.own.count))], events: [.jobsChanged])
        case .cancelRequested(let id):
            return ScreenUpdate(then: [.app(.showToast("cancelling job \(id)…", .info))], events: [.jobsChanged])
        case .cancelFailed(let message):
            return .toast("cancel failed: \(message)", .error)
        case .select(let row):
            let before = jobs.selectedID
            select(&jobs, row, context)
            return ScreenUpdate(effects: logOfNewSelection(&jobs, before: before, context))
        }
    }

    /// The screen's commands; nil when `id` is not one of them.
    static func run(_ jobs: inout JobsState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        let layout = JobsLayout(context.app)
        let logFocused = context.app.focusedPane == JobsLayout.logPane
        let before = jobs.selectedID
        switch id {
        case JobsCommands.down, JobsCommands.up:
            let delta = id == JobsCommands.down ? 1 : -1
            if logFocused { scrollLog(&jobs, by: delta, layout) } else { moveSelection(&jobs, by: delta, layout) }
        case JobsCommands.pageDown, JobsCommands.pageUp:
            let direction = id == JobsCommands.pageDown ? 1 : -1
            if logFocused {
                scrollLog(&jobs, by: direction * max(1, layout.logRows.height - 1), layout)
            } else {
                moveSelection(&jobs, by: direction * max(1, Table.visibleRows(in: layout.listRows) - 1), layout)
            }
        case JobsCommands.first:
            if logFocused { jobs.logOffset = 0 } else { select(&jobs, 0, context) }
        case JobsCommands.last:
            if logFocused { jobs.logOffset = nil } else { select(&jobs, jobs.jobs.count - 1, context) }
        case JobsCommands.cancel:
            guard let job = jobs.selected else { return .toast("no job selected", .warning) }
            guard !job.status.isFinished else {
                return .toast("job \(job.id) has \(job.status.rawValue); nothing to cancel", .warning)
            }
            jobs.confirmingCancel = job.id
        case JobsCommands.new:
            guard let project = context.project else { return ScreenUpdate.nothing }
            let encoders = project.encoders.filter { $0.featureDimension != nil }.map(\.name)
            guard !encoders.isEmpty else {
                return .toast("no encoder in this project has features to retrain on", .warning)
            }
            jobs.form = TrainingForm(encoders: encoders, preferred: project.source?.name)
        default:
            return nil
        }
        let moved = logOfNewSelection(&jobs, before: before, context)
        // After a failed poll nothing polls on a timer: the screen's own keys try again.
        return ScreenUpdate(effects: moved.isEmpty && jobs.pollError != nil ? schedulePoll(&jobs, context, after: .zero) : moved)
    }

    /// Polls at once when the selection moved to another job: polls read only the shown
    /// job's log. The new poll supersedes a pending one (same effect key).
    private static func logOfNewSelection(_ jobs: inout JobsState, before: Int64?, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard jobs.selectedID != before, jobs.selectedID != nil else { return [] }
        jobs.pollPending = false
        return schedulePoll(&jobs, context, after: .zero, once: true)
    }

    /// One poll after `delay` if polling is wanted (or `once` asks for a single look) and
    /// none is pending.
    static func schedulePoll(_ jobs: inout JobsState, _ context: ScreenContext, after delay: Duration,
                             once: Bool = false) -> [Effect<WorkbenchAction>] {
        let wanted = once || jobs.seen == nil || context.screen == .jobs || !jobs.own.isEmpty || !jobs.active.isEmpty
        guard wanted, !jobs.pollPending else { return [] }
        jobs.pollPending = true
        let path = context.path, background = context.background, first = jobs.seen == nil
        // Only the log on show is read: the others can be long and are not drawn.
        let logOf = jobs.selectedID ?? jobs.jobs.first?.id
        return [.task(.jobsPoll) {
            if delay > .zero {
                do { try await Task.sleep(for: delay) } catch { return nil }
            }
            do {
                // Jobs whose process died show as interrupted, as `blendscope jobs` shows them.
                let jobs = try background.session(path).jobs(withLogOf: logOf, markInterrupted: first)
                return .jobs(.polled(jobs, at: Date()))
            } catch {
                return .jobs(.pollFailed("\(error)"))
            }
        }]
    }

    // MARK: Form and cancel question

    private static func key(_ jobs: inout JobsState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        if let id = jobs.confirmingCancel {
            switch chord.key {
            case .character("y"), .enter:
                jobs.confirmingCancel = nil
                return ScreenUpdate(effects: [requestCancel(id, context)])
            case .character("n"), .escape:
                jobs.confirmingCancel = nil
            default:
                break
            }
            return .nothing
        }
        guard var form = jobs.form else { return .nothing }
        switch chord.key {
        case .escape:
            jobs.form = nil
        case .enter:
            switch form.request() {
            case .failure(let problem):
                return .toast(problem.description, .warning)
            case .success(let request):
                jobs.form = nil
                return ScreenUpdate(effects: [startTraining(request, &jobs, context)])
            }
        default:
            _ = form.handle(chord)
            jobs.form = form
        }
        return .nothing
    }

    private static func requestCancel(_ id: Int64, _ context: ScreenContext) -> Effect<WorkbenchAction> {
        let path = context.path, background = context.background
        return .task(.jobCancel(id)) {
            do {
                try background.session(path).requestCancel(id)
                // This process's own job stops at once rather than at its runner's next look.
                background.cancel(id)
                return .jobs(.cancelRequested(id))
            } catch {
                return .jobs(.cancelFailed("\(error)"))
            }
        }
    }

    /// Runs `request` as `blendscope train` would: checked and refused before any job is
    /// recorded, then a `train` job with the same config, progress and result.
    private static func startTraining(_ request: TrainingRequest, _ jobs: inout JobsState,
                                      _ context: ScreenContext) -> Effect<WorkbenchAction> {
        jobs.startedCount += 1
        let path = context.path, background = context.background
        return .run(.jobTrain(jobs.startedCount)) { send in
            let session: ProjectSession, plan: TrainingPlan, job: JobContext
            do {
                session = try background.session(path)
                plan = try session.planTraining(request)
                job = try session.prepareJob(plan.job)
            } catch {
                send(.jobs(.startFailed("\(error)")))
                return
            }
            background.began(job)
            send(.jobs(.started(job.jobID)))
            // The outcome (succeeded, failed with its message, cancelled) is in the store,
            // where the polls read it, as they do for every other process's jobs.
            _ = try? await session.runJob(job, plan.job)
            background.ended(job)
            send(.jobs(.ownJobEnded(job.jobID)))
        }
    }

    // MARK: Selection and log

    private static func moveSelection(_ jobs: inout JobsState, by delta: Int, _ layout: JobsLayout) {
        jobs.scroll.move(by: delta, rowCount: jobs.jobs.count, visibleRows: Table.visibleRows(in: layout.listRows))
        selectionChanged(&jobs)
    }

    private static func select(_ jobs: inout JobsState, _ row: Int, _ context: ScreenContext) {
        jobs.scroll.select(row, rowCount: jobs.jobs.count, visibleRows: Table.visibleRows(in: JobsLayout(context.app).listRows))
        selectionChanged(&jobs)
    }

    private static func selectionChanged(_ jobs: inout JobsState) {
        let id = jobs.selected?.id
        if id != jobs.selectedID { jobs.logOffset = nil }
        jobs.selectedID = id
    }

    /// After a poll: the same job stays selected wherever it moved (newer jobs push it down).
    private static func keepSelection(_ jobs: inout JobsState, _ context: ScreenContext) {
        let rows = jobs.jobs
        let visible = Table.visibleRows(in: JobsLayout(context.app).listRows)
        let row = jobs.selectedID.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
        jobs.scroll.select(row, rowCount: rows.count, visibleRows: visible)
        selectionChanged(&jobs)
    }

    /// Scrolls the log; reaching the end follows the tail again.
    private static func scrollLog(_ jobs: inout JobsState, by delta: Int, _ layout: JobsLayout) {
        let lines = JobsScreen.logLines(jobs.selected).count
        let visible = max(1, layout.logRows.height)
        let last = max(0, lines - visible)
        let current = jobs.logOffset ?? last
        let next = min(max(0, current + delta), last)
        jobs.logOffset = next >= last ? nil : next
    }

    // MARK: Toasts

    /// A toast for each job seen queued or running before and ended now.
    private static func toastEnded(_ jobs: inout JobsState, _ records: [JobRecord]) -> [WorkbenchAction] {
        let previous = jobs.seen
        jobs.seen = Dictionary(records.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        guard let previous else { return [] }
        var toasts: [WorkbenchAction] = []
        for job in records.reversed() where job.status.isFinished {
            guard let before = previous[job.id], !before.isFinished else { continue }
            let name = "job \(job.id) (\(job.kind))"
            switch job.status {
            case .succeeded: toasts.append(.app(.showToast("\(name) succeeded", .success)))
            case .failed: toasts.append(.app(.showToast("\(name) failed: \(job.message)", .error)))
            case .cancelled: toasts.append(.app(.showToast("\(name) cancelled", .warning)))
            case .interrupted: toasts.append(.app(.showToast("\(name) was interrupted (its process ended)", .warning)))
            case .queued, .running: break
            }
        }
        return toasts
    }

    /// Any screen change looks at the jobs once, so a job another process started is found
    /// (and polled until it ends) without a timer on an idle workbench; the Jobs screen keeps
    /// polling while it shows. A change to this process's jobs is read at once rather than in
    /// half a second.
    static func react(_ jobs: inout JobsState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .screenEntered: ScreenUpdate(effects: schedulePoll(&jobs, context, after: .zero, once: true))
        case .jobsChanged: ScreenUpdate(effects: schedulePoll(&jobs, context, after: .zero))
        case .sourceChanged, .thresholdsChanged, .terminalResized: .nothing
        }
    }
}

extension JobsReducer {
    /// Keys while the form or the cancel question is open, then the screen's clicks and wheel.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> [WorkbenchAction]? {
        guard state.app.overlay == nil, state.app.screen == .jobs else { return nil }
        if state.jobs.capturesKeys, case .key(let chord) = event { return [.jobs(.key(chord))] }
        guard case .mouse(let mouse) = event, let action = mouseAction(mouse, region: region, state: state) else { return nil }
        return [action]
    }

    /// Clicks on job rows; the wheel over the list or the log.
    static func mouseAction(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        let layout = JobsLayout(state.app)
        switch mouse.action {
        case .wheelDown where layout.list.contains(x: mouse.x, y: mouse.y),
             .wheelDown where layout.log.contains(x: mouse.x, y: mouse.y) && state.app.focusedPane == JobsLayout.logPane:
            return .app(.run(JobsCommands.down))
        case .wheelUp where layout.list.contains(x: mouse.x, y: mouse.y),
             .wheelUp where layout.log.contains(x: mouse.x, y: mouse.y) && state.app.focusedPane == JobsLayout.logPane:
            return .app(.run(JobsCommands.up))
        case .press(.left):
            guard let region, case .job(let row) = ClickTarget(region: region) else { return nil }
            return .jobs(.select(row))
        default:
            return nil
        }
    }
}
