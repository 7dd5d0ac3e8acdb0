/// Two or more commands that answer the same key in the same scope.
public struct KeyConflict: Hashable, Sendable, CustomStringConvertible {
    public var chord: KeyChord
    public var scope: CommandScope
    public var commands: [CommandID]

    public var description: String {
        let names = commands.map(\.rawValue).joined(separator: " and ")
        return "\(chord) is bound to both \(names) (\(scope.title))"
    }
}

/// Every command and its current keys. The help overlay, the key hints, the palette and the
/// key lookup all read from here, so a user's key override shows up everywhere at once.
public struct CommandRegistry<Context>: Sendable {
    public let commands: [Command<Context>]
    /// Current keys per command: the defaults, or the user's override.
    public private(set) var bindings: [CommandID: [KeyChord]]
    private let indexByID: [CommandID: Int]
    private var lookup: [CommandScope: [KeyChord: CommandID]] = [:]

    /// Command ids must be unique (a programming error otherwise).
    public init(_ commands: [Command<Context>]) {
        self.commands = commands
        var index: [CommandID: Int] = [:]
        for (i, command) in commands.enumerated() {
            precondition(index[command.id] == nil, "command \(command.id) registered twice")
            index[command.id] = i
        }
        indexByID = index
        bindings = Dictionary(uniqueKeysWithValues: commands.map { ($0.id, $0.defaultKeys) })
        rebuildLookup()
    }

    public func command(_ id: CommandID) -> Command<Context>? { indexByID[id].map { commands[$0] } }

    /// The keys that run `id` now.
    public func keys(for id: CommandID) -> [KeyChord] { bindings[id] ?? [] }

    /// The command a key runs: with an overlay open only the overlay's commands count;
    /// otherwise the screen's own binding comes before the global one.
    public func commandID(for chord: KeyChord, screen: Screen, overlay: OverlayKind?) -> CommandID? {
        if let overlay { return lookup[.overlay(overlay)]?[chord] }
        return lookup[.screen(screen)]?[chord] ?? lookup[.global]?[chord]
    }

    /// Keys bound to more than one command of the same scope, in a stable order.
    public func conflicts() -> [KeyConflict] {
        var seen: [CommandScope: [KeyChord: [CommandID]]] = [:]
        for command in commands {
            for chord in keys(for: command.id) { seen[command.scope, default: [:]][chord, default: []].append(command.id) }
        }
        var result: [KeyConflict] = []
        for command in commands {
            for chord in keys(for: command.id) {
                guard let ids = seen[command.scope]?[chord], ids.count > 1, ids.first == command.id else { continue }
                if !result.contains(where: { $0.chord == chord && $0.scope == command.scope }) {
                    result.append(KeyConflict(chord: chord, scope: command.scope, commands: ids))
                }
            }
        }
        return result
    }

    /// Replaces the keys of the commands in `overrides` (an empty list unbinds).
    public mutating func rebind(_ overrides: [CommandID: [KeyChord]]) {
        for (id, chords) in overrides where indexByID[id] != nil { bindings[id] = chords }
        rebuildLookup()
    }

    // MARK: What the help, hints and palette show

    /// Every command by scope: global first, then the current screen, the other screens,
    /// and the overlays. Commands without keys are listed as palette-only.
    public func helpSections(screen: Screen, context: Context) -> [HelpSection] {
        var scopes: [CommandScope] = [.global, .screen(screen)]
        scopes += Screen.allCases.filter { $0 != screen }.map { .screen($0) }
        scopes += [.overlay(.help), .overlay(.palette), .overlay(.confirmQuit)]
        return scopes.compactMap { scope in
            let entries = commands.filter { $0.scope == scope }.map { command -> HelpEntry in
                let keys = self.keys(for: command.id).map(\.display).joined(separator: " ")
                return HelpEntry(keys: keys.isEmpty ? ":" : keys, title: command.title,
                                 disabledReason: command.disabledReason(context))
            }
            return entries.isEmpty ? nil : HelpSection(title: scope.title, entries: entries)
        }
    }

    /// Hints for the bottom line: the screen's own commands first, then the global ones.
    public func hints(screen: Screen, overlay: OverlayKind?, context: Context) -> [KeyHint] {
        let scopes: [CommandScope] = overlay.map { [.overlay($0)] } ?? [.screen(screen), .global]
        return scopes.flatMap { scope in
            commands.filter { $0.scope == scope }.compactMap { command -> KeyHint? in
                guard let hint = command.hint, let key = keys(for: command.id).first else { return nil }
                return KeyHint(key: key.display, label: hint, enabled: command.disabledReason(context) == nil,
                               importance: command.hintImportance)
            }
        }
    }

    /// The palette's commands for `query`, best match first: global ones and those of the
    /// current screen.
    public func paletteEntries(query: String, screen: Screen, context: Context) -> [(id: CommandID, item: PaletteItem)] {
        let offered = commands.filter { $0.inPalette && ($0.scope == .global || $0.scope == .screen(screen)) }
        return FuzzyMatcher.rank(query, offered.map(\.title)).map { ranked in
            let command = offered[ranked.index]
            let keys = self.keys(for: command.id).map(\.display).joined(separator: " ")
            return (command.id, PaletteItem(title: command.title, keys: keys,
                                            disabledReason: command.disabledReason(context), matched: ranked.match.positions))
        }
    }

    private mutating func rebuildLookup() {
        lookup = [:]
        // Earlier commands win a conflict; `conflicts()` reports it.
        for command in commands.reversed() {
            for chord in keys(for: command.id) { lookup[command.scope, default: [:]][chord] = command.id }
        }
    }
}
