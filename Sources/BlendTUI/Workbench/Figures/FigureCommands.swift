import BlendApp

/// `E` on each screen that shows a figure, and one palette command per figure kind and for
/// the format. The figure goes next to the project (`FigureReducer`).
public enum FigureCommands {
    /// `E` on `screen`: its figure, or the chooser where it shows more than one.
    public static func write(on screen: Screen) -> CommandID { CommandID("figure.\(screen.slug)") }
    /// The palette's command for one kind, from any screen.
    public static func kind(_ kind: FigureKind) -> CommandID { CommandID("figure.kind.\(kind.rawValue)") }
    public static let format: CommandID = "figure.format"

    public static var all: [Command<AppState>] {
        FigureReducer.screens.map { screen in
            let kinds = FigureReducer.kinds(on: screen)
            let title = kinds.count == 1 ? "Figure: write the \(FigureReducer.title(kinds[0])) next to the project"
                : "Figure: choose one of " + kinds.map(FigureReducer.title).joined(separator: ", ") + " to write next to the project"
            return Command(write(on: screen), title, scope: .screen(screen), keys: ["E"], hint: "figure", inPalette: false)
        }
        + FigureKind.allCases.map { kind in
            Command(self.kind(kind), "Figure: write the \(FigureReducer.title(kind)) next to the project (\(kind.rawValue))",
                    scope: .global, keys: [])
        }
        + [Command(format, "Figures: next file format (PDF, SVG, PNG)", scope: .global, keys: [])]
    }
}
