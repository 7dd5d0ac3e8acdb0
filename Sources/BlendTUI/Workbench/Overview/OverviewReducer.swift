import BlendApp
import BlendCore

/// The Overview's intervals: each encoder's at its own best on train, the folds' and the
/// honest Score's, and the source's at the workbench's α/β. Each is asked for, as a keyed
/// effect off the UI thread, only while the Overview shows and only when its key is neither
/// cached nor on its way; a β step asks only for the summary's interval at the new β and
/// never waits for it.
enum OverviewReducer {
    /// The bootstrap every Overview interval uses (the CLI's defaults).
    static let settings = BootstrapSettings.standard

    static func reduce(_ slice: inout OverviewState, _ action: OverviewAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .computed(let answers):
            let wanted = Set(wantedKeys(context))
            for (key, value) in answers { slice.store(value, for: key, keeping: wanted) }
        case .failed(let keys, _):
            // The reason is not shown: a number without its interval says `–`, and the
            // next event asks again.
            slice.pending.subtract(keys)
            slice.failed.formUnion(keys)
        }
        return .nothing
    }

    static func react(_ slice: inout OverviewState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        switch event {
        case .sourceChanged, .screenEntered, .thresholdsChanged: ScreenUpdate(effects: request(&slice, context))
        case .jobsChanged, .terminalResized: .nothing
        }
    }

    /// The encoders table arrived (`encodersAnalysed`): their intervals are asked for.
    static func encodersArrived(_ slice: inout OverviewState, _ context: ScreenContext) -> ScreenUpdate {
        ScreenUpdate(effects: request(&slice, context))
    }

    // MARK: Keys

    /// The summary's key: the source's clips at the workbench's α/β.
    static func currentKey(_ project: ProjectSnapshot?, _ thresholds: Thresholds) -> OverviewIntervalKey? {
        guard let source = project?.source, let content = project?.contentDigest else { return nil }
        return OverviewIntervalKey(source: source, thresholds: thresholds, content: content, scope: .all)
    }

    /// The folds pane's key: the source's training folds.
    static func foldsKey(_ project: ProjectSnapshot?) -> OverviewIntervalKey? {
        guard let source = project?.source, let content = project?.contentDigest else { return nil }
        return OverviewIntervalKey(source: source, thresholds: nil, content: content, scope: .folds)
    }

    static func currentKey(_ context: ScreenContext) -> OverviewIntervalKey? { currentKey(context.project, context.thresholds) }
    static func foldsKey(_ context: ScreenContext) -> OverviewIntervalKey? { foldsKey(context.project) }

    static func wantedKeys(_ context: ScreenContext) -> [OverviewIntervalKey] {
        [currentKey(context), foldsKey(context)].compactMap { $0 } + (context.encoderBests ?? []).map(\.intervalKey)
    }

    // MARK: Requests

    /// The effects for what the Overview shows and lacks (nothing while another screen shows).
    static func request(_ slice: inout OverviewState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard context.screen == .overview, let project = context.project, let index = project.index else { return [] }
        var effects: [Effect<WorkbenchAction>] = []
        if let key = currentKey(context), !slice.has(key), !slice.pending.contains(key) {
            // A newer α/β supersedes the older request, whose key is then never answered.
            slice.pending = slice.pending.filter { $0.scope != .all }
            slice.pending.insert(key)
            let thresholds = context.thresholds
            effects.append(.task(.screen(.overview, "current")) {
                .overview(.computed([(key, .metrics(index.intervals(at: thresholds, settings: settings)))]))
            })
        }
        if let key = foldsKey(context), !slice.has(key), !slice.pending.contains(key) {
            slice.pending = slice.pending.filter { $0.scope != .folds }
            slice.pending.insert(key)
            effects.append(.task(.screen(.overview, "folds")) {
                // The fold report the folds pane shows (`ThresholdAnalysis`'s, the official grid).
                guard let report = index.plan(.official).foldReport() else { return .overview(.failed([key], "fewer than two folds")) }
                return .overview(.computed([(key, .folds(index.foldIntervals(report, settings: settings)))]))
            })
        }
        let missing = (context.encoderBests ?? []).filter { !slice.has($0.intervalKey) }
        if !missing.isEmpty, !Set(missing.map(\.intervalKey)).isSubset(of: slice.pending) {
            // One effect for every missing encoder: it supersedes a running one, so it asks for all.
            let asks = missing.map { ($0.intervalKey, $0.name, $0.best.thresholds) }
            slice.pending = slice.pending.filter { $0.scope != .ownBestOnTrain }.union(asks.map { $0.0 })
            let access = context.access, path = project.path
            effects.append(.task(.screen(.overview, "encoders")) {
                do {
                    let session = try access.session(path)
                    var answers: [(OverviewIntervalKey, OverviewIntervals)] = []
                    for (key, name, thresholds) in asks {
                        answers.append((key, .metrics(try session.intervalsAtOwnBest(encoder: name, at: thresholds, settings: settings))))
                    }
                    return .overview(.computed(answers))
                } catch {
                    return .overview(.failed(asks.map { $0.0 }, "\(error)"))
                }
            })
        }
        return effects
    }
}
