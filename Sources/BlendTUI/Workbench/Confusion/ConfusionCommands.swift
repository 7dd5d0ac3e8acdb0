/// The Confusion screen's commands, with their default keys, and the Clips key that drops
/// the confusion-cell filter they set.
public enum ConfusionCommands {
    public static let up: CommandID = "confusion.up"
    public static let down: CommandID = "confusion.down"
    public static let left: CommandID = "confusion.left"
    public static let right: CommandID = "confusion.right"
    public static let diagonal: CommandID = "confusion.diagonal"
    public static let rates: CommandID = "confusion.rates"
    public static let scope: CommandID = "confusion.scope"
    public static let open: CommandID = "confusion.open"
    public static let export: CommandID = "confusion.export"

    public static var all: [Command<AppState>] {
        [
            Command(up, "Confusion: previous true label set", scope: .screen(.confusion), keys: ["up", "k"], hint: "cell"),
            Command(down, "Confusion: next true label set", scope: .screen(.confusion), keys: ["down", "j"]),
            Command(left, "Confusion: previous predicted set", scope: .screen(.confusion), keys: ["left", "h"]),
            Command(right, "Confusion: next predicted set", scope: .screen(.confusion), keys: ["right", "l"]),
            Command(diagonal, "Confusion: jump to the row's diagonal cell", scope: .screen(.confusion), keys: ["d"]),
            Command(rates, "Confusion: counts / row-normalised rates", scope: .screen(.confusion), keys: ["r"],
                    hint: "rates"),
            Command(scope, "Confusion: scope all clips / each split / each fold / the Clips actor",
                    scope: .screen(.confusion), keys: ["s"], hint: "scope"),
            Command(open, "Confusion: list the selected cell's clips on the Clips screen", scope: .screen(.confusion),
                    keys: ["enter"], hint: "clips"),
            Command(export, "Confusion: export the presence table (CSV, Markdown, LaTeX, JSON)",
                    scope: .screen(.confusion), keys: ["e"], hint: "export"),
        ]
    }
}
