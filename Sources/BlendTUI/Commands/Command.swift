/// A command's stable id, as key map files name it (`app.quit`, `clips.search`).
public struct CommandID: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }
    public var description: String { rawValue }
}

/// Something the user can do, with everything the help, the key hints, the palette and key
/// overrides need to know about it. `Context` is what decides whether it can run now.
public struct Command<Context>: Sendable {
    public let id: CommandID
    /// As the palette and help list it: "Go to Thresholds".
    public let title: String
    public let scope: CommandScope
    public let defaultKeys: [KeyChord]
    /// A one-word label for the key-hint line; nil keeps the command out of the hints.
    public let hint: String?
    /// What the hint line drops first when short of room (`KeyHints`).
    public let hintImportance: KeyHintImportance
    /// Whether the `:` palette offers it (commands that only make sense as keys do not).
    public let inPalette: Bool
    /// Why the command cannot run in `context`, or nil when it can.
    public let disabledReason: @Sendable (Context) -> String?

    public init(_ id: CommandID, _ title: String, scope: CommandScope, keys: [String], hint: String? = nil,
                hintImportance: KeyHintImportance = .normal, inPalette: Bool = true, disabledReason: @escaping @Sendable (Context) -> String? = { _ in nil }) {
        self.id = id
        self.title = title
        self.scope = scope
        self.defaultKeys = keys.map { text in
            guard let chord = KeyChord(parsing: text) else { preconditionFailure("bad default key \(text) for \(id)") }
            return chord
        }
        self.hint = hint
        self.hintImportance = hintImportance
        self.inPalette = inPalette
        self.disabledReason = disabledReason
    }
}
