import BlendApp
import BlendCore

/// The source picker: `u` (or `:source`, `:encoder`, `:fusion`) lists every encoder and fusion
/// at once, then fills in each one's coverage and Score at its own thresholds as it is read; Enter makes the highlighted one current
/// for the project (the CLI's next verb uses it too), the project is read again at it and
/// every screen follows through `sourceChanged`.
enum SourcePickerReducer {
    /// Runs a picker command; nil when `id` is not one.
    static func run(_ picker: inout SourcePickerState, _ id: CommandID, _ context: ScreenContext) -> ScreenUpdate? {
        let kind: String?
        switch id {
        case SourcePickerCommands.pick: kind = nil
        case SourcePickerCommands.encoder: kind = "encoder"
        case SourcePickerCommands.fusion: kind = "fusion"
        default: return nil
        }
        guard context.project != nil else { return .toast("the project is still being read", .warning) }
        picker.isOpen = true
        picker.failure = nil
        picker.sources = nil
        picker.read = [:]
        picker.selected = 0
        let path = context.path, access = context.access
        // The names at once, then each row as it is read: a source already swept by the
        // Overview's encoder table (the session keeps its sweep) costs one read of its clips.
        return ScreenUpdate(effects: [.run(.sourceChoices) { send in
            do {
                let session = try access.session(path)
                let listing = try session.sourceListing()
                guard send(.sourcePicker(.named(listing.sources, current: listing.current, kind: kind))) else { return }
                for source in listing.sources {
                    let choice = try session.sourceChoice(source, in: listing)
                    guard !Task.isCancelled, send(.sourcePicker(.read(choice))) else { return }
                }
            } catch {
                send(.sourcePicker(.listFailed("\(error)")))
            }
        }])
    }

    static func reduce(_ picker: inout SourcePickerState, _ action: SourcePickerAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .named(let sources, let current, let kind):
            guard picker.isOpen else { return .nothing }
            return named(&picker, sources, current: context.project?.source ?? current, kind: kind)
        case .read(let choice):
            guard picker.isOpen, picker.sources?.contains(choice.source) == true else { return .nothing }
            picker.read[choice.source] = choice
            return .nothing
        case .listed(let choices, let kind):
            guard picker.isOpen else { return .nothing }
            let update = named(&picker, choices.map(\.source), current: context.project?.source, kind: kind)
            for choice in choices { picker.read[choice.source] = choice }
            return update
        case .listFailed(let message):
            picker.failure = message
            return .nothing
        case .key(let chord):
            return key(&picker, chord, context)
        case .click(let row):
            guard picker.sources?.indices.contains(row) == true else { return .nothing }
            picker.selected = row
            return choose(&picker, context)
        case .madeCurrent(let snapshot, let message):
            picker.isOpen = false
            return .ask(.loaded(snapshot), .app(.showToast(message, .success)))
        case .failed(let message):
            picker.isOpen = false
            return .toast("could not change the source: \(message)", .error)
        }
    }

    /// The sources named: the highlight on the first of `kind` when given, else on the source on show.
    private static func named(_ picker: inout SourcePickerState, _ sources: [SourceRef], current: SourceRef?,
                              kind: String?) -> ScreenUpdate {
        picker.sources = sources
        picker.read = [:]
        picker.selected = kind.flatMap { k in sources.firstIndex { $0.kind == k } } ?? sources.firstIndex { $0 == current } ?? 0
        if let kind, !sources.contains(where: { $0.kind == kind }) {
            return .toast("the project has no \(kind == "fusion" ? "saved fusion" : kind) yet", .warning)
        }
        return .nothing
    }

    /// ↑↓/jk move, Enter makes current, Esc (or the picker's key again) closes; any other key
    /// closes it and does what it does anywhere else.
    private static func key(_ picker: inout SourcePickerState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        let count = picker.sources?.count ?? 0
        switch chord.key {
        case .up, .character("k"): if count > 0 { picker.selected = (picker.selected + count - 1) % count }
        case .down, .character("j"): if count > 0 { picker.selected = (picker.selected + 1) % count }
        case .home, .character("g"): picker.selected = 0
        case .end, .character("G"): picker.selected = max(0, count - 1)
        case .enter: return choose(&picker, context)
        case .escape, .character("u"): picker.isOpen = false
        default:
            picker.isOpen = false
            return ScreenUpdate(then: [.app(.input(.key(chord), region: nil))])
        }
        return .nothing
    }

    /// Makes the highlighted source current, off the UI thread, and reads the project again at it.
    private static func choose(_ picker: inout SourcePickerState, _ context: ScreenContext) -> ScreenUpdate {
        guard let source = picker.selectedSource else { return .nothing }
        let path = context.path, access = context.access
        return ScreenUpdate(effects: [.task(.sourceUse) {
            do {
                let session = try access.session(path)
                try session.makeCurrent(source)
                let snapshot = try ProjectSnapshot.load(path: path, from: access)
                return .sourcePicker(.madeCurrent(snapshot, toast(snapshot)))
            } catch {
                return .sourcePicker(.failed("\(error)"))
            }
        }])
    }

    /// What the toast says once a source is current: which, and at which thresholds.
    static func toast(_ snapshot: ProjectSnapshot) -> String {
        guard let source = snapshot.source else { return "no source" }
        let t = snapshot.thresholds
        let origin = snapshot.thresholdOrigin.map { " · \($0.label)" } ?? ""
        return "current source: \(source) at α \(Format.decimal(t.alpha)) β \(Format.decimal(t.beta))\(origin)"
    }

    /// Keys while the picker is open (before any screen's), clicks on its rows.
    static func input(_ event: InputEvent, region: String?, state: WorkbenchState) -> WorkbenchAction? {
        guard state.sourcePicker.isOpen, state.app.overlay == nil else { return nil }
        switch event {
        case .key(let chord): return .sourcePicker(.key(chord))
        case .mouse(let mouse) where mouse.action == .press(.left):
            if case .sourceChoice(let row)? = region.flatMap(ClickTarget.init(region:)) { return .sourcePicker(.click(row)) }
            return nil
        default: return nil
        }
    }
}
