import BlendApp
import BlendCore

/// The source picker: `u` (or `:source`, `:encoder`, `:fusion`) lists every encoder and fusion
/// with its coverage and Score at its own thresholds; Enter makes the highlighted one current
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
        picker.choices = nil
        picker.selected = 0
        let path = context.path, access = context.access
        // The encoder table's bests (same grid, same split) spare the sweeps.
        let known = Dictionary((context.encoderBests ?? []).map { (SourceRef.encoder($0.name), $0.best.thresholds) },
                               uniquingKeysWith: { a, _ in a })
        return ScreenUpdate(effects: [.task(.sourceChoices) {
            do {
                return .sourcePicker(.listed(try access.session(path).sourceChoices(bestOnTrain: known), kind: kind))
            } catch {
                return .sourcePicker(.listFailed("\(error)"))
            }
        }])
    }

    static func reduce(_ picker: inout SourcePickerState, _ action: SourcePickerAction, _ context: ScreenContext) -> ScreenUpdate {
        switch action {
        case .listed(let choices, let kind):
            guard picker.isOpen else { return .nothing }
            picker.choices = choices
            let shown = context.project?.source
            picker.selected = kind.flatMap { k in choices.firstIndex { $0.source.kind == k } }
                ?? choices.firstIndex { $0.source == shown } ?? 0
            if let kind, !choices.contains(where: { $0.source.kind == kind }) {
                return .toast("the project has no \(kind == "fusion" ? "saved fusion" : kind) yet", .warning)
            }
            return .nothing
        case .listFailed(let message):
            picker.failure = message
            return .nothing
        case .key(let chord):
            return key(&picker, chord, context)
        case .click(let row):
            guard picker.choices?.indices.contains(row) == true else { return .nothing }
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

    /// ↑↓/jk move, Enter makes current, Esc (or the picker's key again) closes; any other key
    /// closes it and does what it does anywhere else.
    private static func key(_ picker: inout SourcePickerState, _ chord: KeyChord, _ context: ScreenContext) -> ScreenUpdate {
        let count = picker.choices?.count ?? 0
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
        guard let choice = picker.selectedChoice else { return .nothing }
        let path = context.path, access = context.access, source = choice.source
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
