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

    /// The screens the workbench shows, in tab order. Fusion and Jobs join once their
    /// engines exist; Clips and Confusion once their screens are built.
    public static let screens: [Screen] = [.overview, .thresholds]

    /// The fine and coarse steps of the threshold keys.
    public static let fineStep = 0.01
    public static let coarseStep = 0.05

    /// The shared commands for the workbench's screens plus the screens' own.
    public static var all: [Command<AppState>] {
        AppCommands.all(screens: screens) + [
            Command(increase, "Raise the selected threshold by .01", scope: .screen(.thresholds), keys: ["right", "l"],
                    hint: "step"),
            Command(decrease, "Lower the selected threshold by .01", scope: .screen(.thresholds), keys: ["left", "h"]),
            Command(increaseCoarse, "Raise the selected threshold by .05", scope: .screen(.thresholds),
                    keys: ["shift+right", "pgup", "L"]),
            Command(decreaseCoarse, "Lower the selected threshold by .05", scope: .screen(.thresholds),
                    keys: ["shift+left", "pgdn", "H"]),
            Command(selectAlpha, "Move α with the arrows", scope: .screen(.thresholds), keys: ["a"], hint: "α"),
            Command(selectBeta, "Move β with the arrows", scope: .screen(.thresholds), keys: ["b"], hint: "β"),
            Command(type, "Type a value for the selected threshold", scope: .screen(.thresholds), keys: ["="],
                    hint: "type"),
            Command(apply, "Apply: store α and β as the project's current", scope: .screen(.thresholds), keys: ["s"],
                    hint: "apply"),
            Command(heatmapMetric, "Heatmap: switch Score / ACC_P / ACC_S", scope: .screen(.thresholds), keys: ["m"],
                    hint: "metric"),
            Command(actorDown, "Next actor", scope: .screen(.thresholds), keys: ["down", "j"], hint: "actor"),
            Command(actorUp, "Previous actor", scope: .screen(.thresholds), keys: ["up", "k"]),
        ]
    }

    public static func registry() -> CommandRegistry<AppState> { CommandRegistry(all) }
}
