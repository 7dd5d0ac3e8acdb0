/// A screen feature's commands together with the function that runs them: the registry lists
/// the commands (help, hints, palette, key overrides) and the program sends each id to its
/// feature's `run`, so no command is routed by a chain of `if`s that could end in nothing.
public struct FeatureCommands: Sendable {
    public let commands: [Command<AppState>]
    /// Runs one of `commands` and returns the effects it starts; nil means the id is not one
    /// of them (for a registered command that is a bug, which `CommandHandlerTests` catches).
    let run: @Sendable (WorkbenchProgram, inout WorkbenchState, CommandID) -> [Effect<WorkbenchAction>]?

    init(commands: [Command<AppState>],
         run: @escaping @Sendable (WorkbenchProgram, inout WorkbenchState, CommandID) -> [Effect<WorkbenchAction>]?) {
        self.commands = commands
        self.run = run
    }
}
