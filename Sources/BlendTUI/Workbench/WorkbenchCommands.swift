/// The workbench's screen commands, with their default keys.
public enum WorkbenchCommands {
    public static let increase: CommandID = "thresholds.increase"
    public static let decrease: CommandID = "thresholds.decrease"
    public static let increaseCoarse: CommandID = "thresholds.increase-coarse"
    public static let decreaseCoarse: CommandID = "thresholds.decrease-coarse"
    public static let selectAlpha: CommandID = "thresholds.select-alpha"
    public static let selectBeta: CommandID = "thresholds.select-beta"
    public static let type: CommandID = "thresholds.type"
    public static let apply: CommandID = "thresholds.apply"
    public static let heatmapMetric: CommandID = "thresholds.heatmap-metric"
    public static let actorDown: CommandID = "thresholds.actor-down"
    public static let actorUp: CommandID = "thresholds.actor-up"
    public static let actorClips: CommandID = "thresholds.actor-clips"
    public static let clipDown: CommandID = "clips.down"
    public static let clipUp: CommandID = "clips.up"
    public static let clipPageDown: CommandID = "clips.page-down"
    public static let clipPageUp: CommandID = "clips.page-up"
    public static let clipFirst: CommandID = "clips.first"
    public static let clipLast: CommandID = "clips.last"
    public static let clipSearch: CommandID = "clips.search"
    public static let clipKind: CommandID = "clips.kind"
    public static let clipOutcome: CommandID = "clips.outcome"
    public static let clipSort: CommandID = "clips.sort"

    /// The screens the workbench shows, in tab order (their number keys): every `Screen`.
    public static let screens: [Screen] = Screen.allCases

    /// The fine and coarse steps of the threshold keys.
    public static let fineStep = 0.01
    public static let coarseStep = 0.05

    /// The shared commands for the workbench's screens plus the screens' own, in the order
    /// the help lists them.
    public static var all: [Command<AppState>] {
        AppCommands.all(screens: screens) + features.flatMap(\.commands)
    }

    /// The Thresholds screen's keys.
    static var thresholds: [Command<AppState>] {
        [
            Command(increase, "Raise the selected threshold by .01", scope: .screen(.thresholds), keys: ["right", "l"],
                    // The α/β pane's title says the arrows too: the first hint to go at 80 columns.
                    hint: "step", hintImportance: .optional),
            Command(decrease, "Lower the selected threshold by .01", scope: .screen(.thresholds), keys: ["left", "h"]),
            Command(increaseCoarse, "Raise the selected threshold by .05", scope: .screen(.thresholds),
                    keys: ["shift+right", "pgup", "L"]),
            Command(decreaseCoarse, "Lower the selected threshold by .05", scope: .screen(.thresholds),
                    keys: ["shift+left", "pgdn", "H"]),
            Command(selectAlpha, "Move α with the arrows", scope: .screen(.thresholds), keys: ["a"], hint: "α"),
            Command(selectBeta, "Move β with the arrows", scope: .screen(.thresholds), keys: ["b"], hint: "β"),
            Command(type, "Type a value for the selected threshold", scope: .screen(.thresholds), keys: ["="],
                    hint: "type", hintImportance: .optional),
            Command(apply, "Apply: store α and β as the project's current", scope: .screen(.thresholds), keys: ["s"],
                    hint: "apply"),
            Command(heatmapMetric, "Heatmap: switch Score / ACC_P / ACC_S", scope: .screen(.thresholds), keys: ["m"],
                    // The heatmap's title shows `m` at any width.
                    hint: "metric", hintImportance: .optional),
            Command(actorDown, "Next actor", scope: .screen(.thresholds), keys: ["down", "j"], hint: "actor"),
            Command(actorUp, "Previous actor", scope: .screen(.thresholds), keys: ["up", "k"]),
            Command(actorClips, "Clips: the selected actor's clips whose verdict flips between β*all and its β*",
                    scope: .screen(.thresholds), keys: ["enter"], hint: "flips"),
        ]
    }

    /// The Clips table's movement, search, kind, right/wrong and sort keys.
    static var clipTable: [Command<AppState>] {
        [            Command(clipDown, "Next clip", scope: .screen(.clips), keys: ["down", "j"], hint: "clip"),
            Command(clipUp, "Previous clip", scope: .screen(.clips), keys: ["up", "k"]),
            Command(clipPageDown, "Clips: page down", scope: .screen(.clips), keys: ["pgdn"]),
            Command(clipPageUp, "Clips: page up", scope: .screen(.clips), keys: ["pgup"]),
            Command(clipFirst, "First clip", scope: .screen(.clips), keys: ["home", "g"]),
            Command(clipLast, "Last clip", scope: .screen(.clips), keys: ["end", "G"]),
            Command(clipSearch, "Search clip names", scope: .screen(.clips), keys: ["/"], hint: "search"),
            Command(clipKind, "Clips: show all / single / 50/50 / 70/30", scope: .screen(.clips), keys: ["f"],
                    hint: "kind"),
            Command(clipOutcome, "Clips: show all / right / wrong", scope: .screen(.clips), keys: ["w"], hint: "right/wrong"),
            Command(clipSort, "Clips: sort by clip / margin / label dispute", scope: .screen(.clips), keys: ["o"],
                    hint: "sort"),
        ]
    }

    public static func registry() -> CommandRegistry<AppState> { CommandRegistry(all) }
}
