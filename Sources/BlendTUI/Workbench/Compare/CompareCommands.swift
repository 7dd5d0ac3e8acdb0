/// The Compare screen's commands, with their default keys.
public enum CompareCommands {
    public static let nextA: CommandID = "compare.next-a"
    public static let previousA: CommandID = "compare.previous-a"
    public static let nextB: CommandID = "compare.next-b"
    public static let previousB: CommandID = "compare.previous-b"
    public static let swap: CommandID = "compare.swap"
    public static let scope: CommandID = "compare.scope"
    public static let up: CommandID = "compare.up"
    public static let down: CommandID = "compare.down"
    public static let open: CommandID = "compare.open"

    public static var all: [Command<AppState>] {
        [
            Command(nextA, "Compare: next source as A", scope: .screen(.compare), keys: ["a"], hint: "A"),
            Command(previousA, "Compare: previous source as A", scope: .screen(.compare), keys: ["A"]),
            Command(nextB, "Compare: next source as B", scope: .screen(.compare), keys: ["b"], hint: "B"),
            Command(previousB, "Compare: previous source as B", scope: .screen(.compare), keys: ["B"]),
            Command(swap, "Compare: swap A and B", scope: .screen(.compare), keys: ["x"], hint: "swap"),
            Command(scope, "Compare: scope all clips / each split / each fold / the Clips actor",
                    scope: .screen(.compare), keys: ["s"], hint: "scope"),
            Command(down, "Compare: next flip group", scope: .screen(.compare), keys: ["down", "j"], hint: "group"),
            Command(up, "Compare: previous flip group", scope: .screen(.compare), keys: ["up", "k"]),
            Command(open, "Compare: list the selected group's flipped clips on the Clips screen",
                    scope: .screen(.compare), keys: ["enter"], hint: "clips"),
        ]
    }
}
