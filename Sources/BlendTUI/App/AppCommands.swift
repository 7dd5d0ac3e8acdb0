/// The commands every screen shares. Screens add their own to the list as they land.
public enum AppCommands {
    public static let quit: CommandID = "app.quit"
    public static let quitNow: CommandID = "app.quit-now"
    public static let help: CommandID = "app.help"
    public static let palette: CommandID = "app.palette"
    public static let focusNext: CommandID = "app.focus-next"
    public static let focusPrevious: CommandID = "app.focus-previous"
    public static let helpClose: CommandID = "help.close"
    public static let helpDown: CommandID = "help.down"
    public static let helpUp: CommandID = "help.up"
    public static let helpPageDown: CommandID = "help.page-down"
    public static let helpPageUp: CommandID = "help.page-up"
    public static let paletteClose: CommandID = "palette.close"
    public static let paletteRun: CommandID = "palette.run"
    public static let paletteNext: CommandID = "palette.next"
    public static let palettePrevious: CommandID = "palette.previous"
    public static let confirmYes: CommandID = "quit.yes"
    public static let confirmNo: CommandID = "quit.no"

    /// The command that shows `screen`.
    public static func show(_ screen: Screen) -> CommandID { CommandID("app.show-\(screen.slug)") }

    /// The shared commands with their default keys, for every screen.
    public static var all: [Command<AppState>] { all(screens: Screen.allCases) }

    /// The shared commands with their default keys, with a "go to" command for each of
    /// `screens` only (screens not built yet get no key and no palette entry).
    public static func all(screens: [Screen]) -> [Command<AppState>] {
        var commands: [Command<AppState>] = [
            Command(quit, "Quit", scope: .global, keys: ["q"], hint: "quit", hintImportance: .essential),
            Command(quitNow, "Quit now, cancelling jobs", scope: .global, keys: ["ctrl+c"], inPalette: false),
            Command(help, "Show every key binding", scope: .global, keys: ["?", "f1"], hint: "help",
                    hintImportance: .essential),
            Command(palette, "Command palette", scope: .global, keys: [":", "ctrl+p"], hint: "commands", inPalette: false),
            Command(focusNext, "Focus the next pane", scope: .global, keys: ["tab"], inPalette: false),
            Command(focusPrevious, "Focus the previous pane", scope: .global, keys: ["shift+tab"], inPalette: false),
        ]
        for screen in screens {
            commands.append(Command(show(screen), "Go to \(screen.title)", scope: .global, keys: ["\(screen.rawValue)"]))
        }
        commands += [
            Command(helpClose, "Close the help", scope: .overlay(.help), keys: ["esc", "?", "q"], hint: "close"),
            Command(helpDown, "Scroll down", scope: .overlay(.help), keys: ["down", "j"], hint: "scroll"),
            Command(helpUp, "Scroll up", scope: .overlay(.help), keys: ["up", "k"]),
            Command(helpPageDown, "Page down", scope: .overlay(.help), keys: ["pgdn", "space"]),
            Command(helpPageUp, "Page up", scope: .overlay(.help), keys: ["pgup"]),
            Command(paletteClose, "Close the palette", scope: .overlay(.palette), keys: ["esc"], hint: "close"),
            Command(paletteRun, "Run the selected command", scope: .overlay(.palette), keys: ["enter"], hint: "run"),
            Command(paletteNext, "Next match", scope: .overlay(.palette), keys: ["down", "ctrl+n"]),
            Command(palettePrevious, "Previous match", scope: .overlay(.palette), keys: ["up", "ctrl+p"]),
            Command(confirmYes, "Quit and cancel the running jobs", scope: .overlay(.confirmQuit), keys: ["y", "enter"],
                    hint: "quit"),
            Command(confirmNo, "Keep working", scope: .overlay(.confirmQuit), keys: ["n", "esc"], hint: "stay"),
        ]
        return commands
    }

    /// A registry of the shared commands.
    public static func registry() -> CommandRegistry<AppState> { CommandRegistry(all) }
}
