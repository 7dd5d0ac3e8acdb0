import BlendApp
import Foundation

/// The Jobs screen's reducer. The store is polled off the UI thread by one keyed effect at a
/// time, every `pollInterval` while any job is active, one of this process runs, or the
/// screen is shown, and not at all otherwise, so an idle workbench sleeps.
extension WorkbenchProgram {
    /// The pause between two polls of the project's jobs.
    static let jobsPollInterval: Duration = .milliseconds(500)

    func updateJobs(_ state: inout WorkbenchState, _ action: JobsAction) -> [Effect<WorkbenchAction>] {
        switch action {
        case .polled(let records, let time):
            state.jobs.pollPending = false
            state.jobs.pollError = nil
            let effects = toastEnded(&state, records)
            state.jobs.jobs = records
            state.jobs.polledAt = time
            keepSelection(&state)
            return effects + scheduleJobsPoll(&state, after: Self.jobsPollInterval)
        case .pollFailed(let message):
            state.jobs.pollPending = false
            state.jobs.pollError = message
            return []
        case .key(let chord):
            return jobsKey(&state, chord)
        case .started(let id):
            state.jobs.own.insert(id)
            // The job just started is the one to watch.
            state.jobs.selectedID = id
            state.jobs.logOffset = nil
            // Its end is toasted even if it finishes before a poll sees it running.
            state.jobs.seen?[id] = .running
            return jobsApp(&state, .jobsRunning(state.jobs.own.count)) + react(&state, .jobsChanged)
        case .startFailed(let message):
            return jobsApp(&state, .showToast("retraining refused: \(message)", .error))
        case .ownJobEnded(let id):
            state.jobs.own.remove(id)
            return jobsApp(&state, .jobsRunning(state.jobs.own.count)) + react(&state, .jobsChanged)
        case .cancelRequested(let id):
            return jobsApp(&state, .showToast("cancelling job \(id)…", .info)) + react(&state, .jobsChanged)
        case .cancelFailed(let message):
            return jobsApp(&state, .showToast("cancel failed: \(message)", .error))
        case .select(let row):
            let before = state.jobs.selectedID
            selectJob(&state, row)
            return logOfNewSelection(&state, before: before)
        }
    }

    /// The screen's commands; nil when `id` is not one of them.
    func runJobs(_ state: inout WorkbenchState, _ id: CommandID) -> [Effect<WorkbenchAction>]? {
        let layout = JobsLayout(state.app)
        let logFocused = state.app.focusedPane == JobsLayout.logPane
        let before = state.jobs.selectedID
        switch id {
        case JobsCommands.down, JobsCommands.up:
            let delta = id == JobsCommands.down ? 1 : -1
            if logFocused { scrollLog(&state, by: delta, layout) } else { moveSelection(&state, by: delta, layout) }
        case JobsCommands.pageDown, JobsCommands.pageUp:
            let direction = id == JobsCommands.pageDown ? 1 : -1
            if logFocused {
                scrollLog(&state, by: direction * max(1, layout.logRows.height - 1), layout)
            } else {
                moveSelection(&state, by: direction * max(1, Table.visibleRows(in: layout.listRows) - 1), layout)
            }
        case JobsCommands.first:
            if logFocused { state.jobs.logOffset = 0 } else { selectJob(&state, 0) }
        case JobsCommands.last:
            if logFocused { state.jobs.logOffset = nil } else { selectJob(&state, state.jobs.jobs.count - 1) }
        case JobsCommands.cancel:
            guard let job = state.jobs.selected else { return jobsApp(&state, .showToast("no job selected", .warning)) }
            guard !job.status.isFinished else {
                return jobsApp(&state, .showToast("job \(job.id) has \(job.status.rawValue); nothing to cancel", .warning))
            }
            state.jobs.confirmingCancel = job.id
        case JobsCommands.new:
            guard let project = state.project else { return [] }
            let encoders = project.encoders.filter { $0.featureDimension != nil }.map(\.name)
            guard !encoders.isEmpty else {
                return jobsApp(&state, .showToast("no encoder in this project has features to retrain on", .warning))
            }
            state.jobs.form = TrainingForm(encoders: encoders, preferred: project.source?.name)
        default:
            return nil
        }
        let moved = logOfNewSelection(&state, before: before)
        // After a failed poll nothing polls on a timer: the screen's own keys try again.
        return moved.isEmpty && state.jobs.pollError != nil ? scheduleJobsPoll(&state, after: .zero) : moved
    }

    /// Polls at once when the selection moved to another job: polls read only the shown
    /// job's log. The new poll supersedes a pending one (same effect key).
    private func logOfNewSelection(_ state: inout WorkbenchState, before: Int64?) -> [Effect<WorkbenchAction>] {
        guard state.jobs.selectedID != before, state.jobs.selectedID != nil else { return [] }
        state.jobs.pollPending = false
        return scheduleJobsPoll(&state, after: .zero, once: true)
    }

    /// One poll after `delay` if polling is wanted (or `once` asks for a single look) and
    /// none is pending.
    func scheduleJobsPoll(_ state: inout WorkbenchState, after delay: Duration, once: Bool = false) -> [Effect<WorkbenchAction>] {
        let wanted = once || state.jobs.seen == nil || state.app.screen == .jobs || !state.jobs.own.isEmpty
            || !state.jobs.active.isEmpty
        guard wanted, !state.jobs.pollPending else { return [] }
        state.jobs.pollPending = true
        let path = state.path, background = jobsBackground, first = state.jobs.seen == nil
        // Only the log on show is read: the others can be long and are not drawn.
        let logOf = state.jobs.selectedID ?? state.jobs.jobs.first?.id
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

    private func jobsKey(_ state: inout WorkbenchState, _ chord: KeyChord) -> [Effect<WorkbenchAction>] {
        if let id = state.jobs.confirmingCancel {
            switch chord.key {
            case .character("y"), .enter:
                state.jobs.confirmingCancel = nil
                return [requestCancel(id, state)]
            case .character("n"), .escape:
                state.jobs.confirmingCancel = nil
            default:
                break
            }
            return []
        }
        guard var form = state.jobs.form else { return [] }
        switch chord.key {
        case .escape:
            state.jobs.form = nil
        case .enter:
            switch form.request() {
            case .failure(let problem):
                return jobsApp(&state, .showToast(problem.description, .warning))
            case .success(let request):
                state.jobs.form = nil
                return [startTraining(request, &state)]
            }
        default:
            _ = form.handle(chord)
            state.jobs.form = form
        }
        return []
    }

    private func requestCancel(_ id: Int64, _ state: WorkbenchState) -> Effect<WorkbenchAction> {
        let path = state.path, background = jobsBackground
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
    private func startTraining(_ request: TrainingRequest, _ state: inout WorkbenchState) -> Effect<WorkbenchAction> {
        state.jobs.startedCount += 1
        let path = state.path, background = jobsBackground
        return .run(.jobTrain(state.jobs.startedCount)) { send in
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

    private func moveSelection(_ state: inout WorkbenchState, by delta: Int, _ layout: JobsLayout) {
        state.jobs.scroll.move(by: delta, rowCount: state.jobs.jobs.count, visibleRows: Table.visibleRows(in: layout.listRows))
        selectionChanged(&state)
    }

    private func selectJob(_ state: inout WorkbenchState, _ row: Int) {
        state.jobs.scroll.select(row, rowCount: state.jobs.jobs.count,
                                 visibleRows: Table.visibleRows(in: JobsLayout(state.app).listRows))
        selectionChanged(&state)
    }

    private func selectionChanged(_ state: inout WorkbenchState) {
        let id = state.jobs.selected?.id
        if id != state.jobs.selectedID { state.jobs.logOffset = nil }
        state.jobs.selectedID = id
    }

    /// After a poll: the same job stays selected wherever it moved (newer jobs push it down).
    private func keepSelection(_ state: inout WorkbenchState) {
        let rows = state.jobs.jobs
        let visible = Table.visibleRows(in: JobsLayout(state.app).listRows)
        let row = state.jobs.selectedID.flatMap { id in rows.firstIndex { $0.id == id } } ?? 0
        state.jobs.scroll.select(row, rowCount: rows.count, visibleRows: visible)
        selectionChanged(&state)
    }

    /// Scrolls the log; reaching the end follows the tail again.
    private func scrollLog(_ state: inout WorkbenchState, by delta: Int, _ layout: JobsLayout) {
        let lines = JobsScreen.logLines(state.jobs.selected).count
        let visible = max(1, layout.logRows.height)
        let last = max(0, lines - visible)
        let current = state.jobs.logOffset ?? last
        let next = min(max(0, current + delta), last)
        state.jobs.logOffset = next >= last ? nil : next
    }

    // MARK: Toasts

    /// A toast for each job seen queued or running before and ended now.
    private func toastEnded(_ state: inout WorkbenchState, _ records: [JobRecord]) -> [Effect<WorkbenchAction>] {
        let previous = state.jobs.seen
        state.jobs.seen = Dictionary(records.map { ($0.id, $0.status) }, uniquingKeysWith: { a, _ in a })
        guard let previous else { return [] }
        var effects: [Effect<WorkbenchAction>] = []
        for job in records.reversed() where job.status.isFinished {
            guard let before = previous[job.id], !before.isFinished else { continue }
            let name = "job \(job.id) (\(job.kind))"
            switch job.status {
            case .succeeded: effects += jobsApp(&state, .showToast("\(name) succeeded", .success))
            case .failed: effects += jobsApp(&state, .showToast("\(name) failed: \(job.message)", .error))
            case .cancelled: effects += jobsApp(&state, .showToast("\(name) cancelled", .warning))
            case .interrupted: effects += jobsApp(&state, .showToast("\(name) was interrupted (its process ended)", .warning))
            case .queued, .running: break
            }
        }
        return effects
    }

    private func jobsApp(_ state: inout WorkbenchState, _ action: AppAction) -> [Effect<WorkbenchAction>] {
        update(&state, .app(action))
    }
}

extension WorkbenchProgram {
    /// Clicks on job rows; the wheel over the list or the log.
    func jobsMouse(_ mouse: MouseEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
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
