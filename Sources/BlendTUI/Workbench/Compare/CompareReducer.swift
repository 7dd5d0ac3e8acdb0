import BlendApp
import BlendCore

/// The Compare screen's reducer over its own slice. The paired bootstrap runs off the UI
/// thread as an effect; its result is cached under what it was computed for (`CompareKey`), so
/// an α/β step or a source change only changes the key asked for: the screen draws the cached
/// result at once when there is one, else the previous one marked stale until the new arrives.
enum CompareReducer {
    static func reduce(_ compare: inout CompareState, _ action: CompareAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .sourcesLoaded(let sources):
            let previous = (compare.sourceA, compare.sourceB)
            compare.sources = sources
            compare.sourcesFailure = nil
            pickDefaults(&compare, sources, keeping: previous, current: context.project?.source)
            return ScreenUpdate(effects: request(&compare, context))
        case .sourcesFailed(let why):
            compare.sourcesFailure = why
            return .toast("compare: \(why)", .error)
        case .compared(let key, let result):
            compare.cache.store(result, for: key)
            if key == compare.wanted { clampRow(&compare) }
            return .nothing
        case .failed(let key, let why):
            compare.cache.fail(key, why)
            return .nothing
        case .click(let row):
            guard let groups = compare.shown?.result.flipGroups, groups.indices.contains(row) else { return .nothing }
            if compare.row == row { return open(compare, context) }
            compare.row = row
            return .nothing
        }
    }

    static func run(_ compare: inout CompareState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        let count = compare.sources?.count ?? 0
        switch id {
        case CompareCommands.nextA, CompareCommands.previousA, CompareCommands.nextB, CompareCommands.previousB:
            guard count > 0 else { return .nothing }
            let step = id == CompareCommands.nextA || id == CompareCommands.nextB ? 1 : count - 1
            if id == CompareCommands.nextA || id == CompareCommands.previousA {
                compare.a = (compare.a + step) % count
            } else {
                compare.b = (compare.b + step) % count
            }
        case CompareCommands.swap:
            (compare.a, compare.b) = (compare.b, compare.a)
        case CompareCommands.scope:
            let scopes = ConfusionReducer.scopes(context)
            let next = scopes.firstIndex(of: compare.scope).map { ($0 + 1) % scopes.count } ?? 0
            compare.scope = scopes[next]
        case CompareCommands.down:
            compare.row += 1
            clampRow(&compare)
            return .nothing
        case CompareCommands.up:
            compare.row = max(0, compare.row - 1)
            return .nothing
        case CompareCommands.open:
            return open(compare, context)
        default:
            return nil
        }
        compare.row = 0
        return ScreenUpdate(effects: request(&compare, context))
    }

    /// The sources are read when the screen first shows and again when the project was read
    /// (a fusion may have been saved); the comparison follows α/β while the screen shows.
    static func react(_ compare: inout CompareState, _ event: WorkbenchEvent, _ context: ScreenContext) -> ScreenUpdate {
        guard context.screen == .compare, context.project != nil else { return .nothing }
        switch event {
        case .screenEntered where compare.sources == nil, .sourceChanged:
            return ScreenUpdate(effects: [loadSources(context)])
        case .screenEntered, .thresholdsChanged:
            return ScreenUpdate(effects: request(&compare, context))
        case .jobsChanged, .terminalResized:
            return .nothing
        }
    }

    /// The key the screen asks for now: a side that is the workbench's source at the
    /// workbench's α/β, any other at its own.
    static func key(_ compare: CompareState, _ context: ScreenContext) -> CompareKey? {
        guard let a = compare.sourceA, let b = compare.sourceB else { return nil }
        let current = context.project?.source
        return CompareKey(a: a, b: b, thresholdsA: a == current ? context.thresholds : nil,
                          thresholdsB: b == current ? context.thresholds : nil, scope: compare.scope)
    }

    /// Asks for the comparison the screen wants, unless it is cached: never waits for it.
    static func request(_ compare: inout CompareState, _ context: ScreenContext) -> [Effect<WorkbenchAction>] {
        guard let key = key(compare, context) else { return [] }
        // Cached, or already running for this key (its answer is on its way).
        guard compare.cache.want(key) else {
            if compare.current != nil { clampRow(&compare) }
            return []
        }
        let access = context.access, path = context.path
        return [.task(.screen(.compare, "paired")) {
            do {
                let session = try access.session(path)
                let ta = try key.thresholdsA ?? session.thresholds(for: key.a).0
                let tb = try key.thresholdsB ?? session.thresholds(for: key.b).0
                let selection = key.scope == .all ? ClipSelection.all : ClipSelection([key.scope])
                let c = try session.compare(key.a, at: ta, with: key.b, at: tb, in: selection)
                return .compare(.compared(key, CompareResult(comparison: c, thresholdsA: ta, thresholdsB: tb)))
            } catch {
                return .compare(.failed(key, "\(error)"))
            }
        }]
    }

    private static func loadSources(_ context: ScreenContext) -> Effect<WorkbenchAction> {
        let access = context.access, path = context.path
        return .task(.screen(.compare, "sources")) {
            do {
                let session = try access.session(path)
                let encoders = try session.encoders().filter { $0.probabilityCount > 0 }.map { SourceRef.encoder($0.name) }
                let fusions = try session.fusions().map { SourceRef.fusion($0.spec.name) }
                return .compare(.sourcesLoaded(encoders + fusions))
            } catch {
                return .compare(.sourcesFailed("\(error)"))
            }
        }
    }

    /// A as the workbench's source and B the next one, unless the sources picked before are
    /// still there.
    static func pickDefaults(_ compare: inout CompareState, _ sources: [SourceRef], keeping previous: (SourceRef?, SourceRef?),
                             current: SourceRef?) {
        if let a = previous.0, let b = previous.1, let i = sources.firstIndex(of: a), let j = sources.firstIndex(of: b) {
            (compare.a, compare.b) = (i, j)
            return
        }
        compare.a = current.flatMap { sources.firstIndex(of: $0) } ?? 0
        compare.b = sources.count > 1 ? (compare.a + 1) % sources.count : compare.a
    }

    private static func clampRow(_ compare: inout CompareState) {
        let rows = compare.shown?.result.flipGroups.count ?? 1
        compare.row = max(0, min(compare.row, rows - 1))
    }

    /// Lists the selected group's flipped clips on the Clips screen, as Confusion's open cell does.
    static func open(_ compare: CompareState, _ context: ScreenContext) -> ScreenUpdate {
        guard let (result, stale) = compare.shown else { return .nothing }
        if stale { return .toast("the comparison is still being computed", .info) }
        let groups = result.flipGroups
        guard groups.indices.contains(compare.row) else { return .nothing }
        let group = groups[compare.row]
        guard !group.clips.isEmpty else { return .toast("no flipped clip in \(group.title)", .info) }
        let a = compare.sourceA?.name ?? "A", b = compare.sourceB?.name ?? "B"
        let title = "flips \(a) vs \(b)" + (compare.row == 0 ? "" : " · \(group.title)")
        return .ask(.app(.run(AppCommands.show(.clips))), .focus(.clips, pane: 0),
                    .clips(.openList(actor: nil, ClipList(title: title, names: group.clips))))
    }

    /// Clicks on the flips table's rows.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.app.overlay == nil, state.app.screen == .compare, case .mouse(let mouse) = event,
              mouse.action == .press(.left),
              case .row(.compare, "flips", let row)? = region.flatMap(ClickTarget.init(region:)) else { return nil }
        return .compare(.click(row))
    }
}
