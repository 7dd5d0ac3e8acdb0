import BlendStore

/// What the workbench needs from the project file, and the one place in BlendTUI that opens
/// it. The program is given one access and hands it to every effect that reads or writes the
/// project (the load, the encoder sweep, apply, notes and tags, fusion load/optimise/save,
/// the Jobs polls and training), so replacing how a project is opened — one session per
/// process instead of a store per effect — changes this file and the program's caller only.
public struct ProjectAccess: Sendable {
    private let opener: @Sendable (String) throws -> ProjectStore

    /// `open` returns the existing project at a path (never creating one) or throws the
    /// store's located refusal.
    public init(open: @escaping @Sendable (String) throws -> ProjectStore) {
        opener = open
    }

    /// Each effect opens the project file itself, as the workbench always has.
    public static let files = ProjectAccess { try ProjectStore(path: $0, create: false) }

    /// The project at `path`.
    public func open(_ path: String) throws -> ProjectStore { try opener(path) }
}
