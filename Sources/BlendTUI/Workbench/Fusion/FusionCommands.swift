/// The Fusion screen's commands, with their default keys.
public enum FusionCommands {
    public static let down: CommandID = "fusion.down"
    public static let up: CommandID = "fusion.up"
    public static let increase: CommandID = "fusion.increase"
    public static let decrease: CommandID = "fusion.decrease"
    public static let increaseCoarse: CommandID = "fusion.increase-coarse"
    public static let decreaseCoarse: CommandID = "fusion.decrease-coarse"
    public static let toggle: CommandID = "fusion.toggle"
    public static let reset: CommandID = "fusion.reset"
    public static let optimise: CommandID = "fusion.optimise"
    public static let accept: CommandID = "fusion.accept"
    public static let discard: CommandID = "fusion.discard"
    public static let save: CommandID = "fusion.save"
    public static let cancel: CommandID = "fusion.cancel"

    /// The fine and coarse weight steps.
    public static let fineStep = 0.01
    public static let coarseStep = 0.05

    /// Every Fusion command's id, so the reducer can tell its own commands from others'.
    public static let ids: Set<CommandID> = Set(all.map(\.id))

    public static var all: [Command<AppState>] {
        let fusion = CommandScope.screen(.fusion)
        return [
            Command(down, "Next encoder", scope: fusion, keys: ["down", "j"], hint: "encoder"),
            Command(up, "Previous encoder", scope: fusion, keys: ["up", "k"]),
            Command(increase, "Raise the selected weight by .01", scope: fusion, keys: ["right", "l"], hint: "weight"),
            Command(decrease, "Lower the selected weight by .01", scope: fusion, keys: ["left", "h"]),
            Command(increaseCoarse, "Raise the selected weight by .05", scope: fusion, keys: ["shift+right", "pgup", "L"]),
            Command(decreaseCoarse, "Lower the selected weight by .05", scope: fusion, keys: ["shift+left", "pgdn", "H"]),
            Command(toggle, "Switch the selected encoder on/off", scope: fusion, keys: ["space"], hint: "on/off"),
            Command(reset, "Reset the weights to where they started", scope: fusion, keys: ["r"], hint: "reset"),
            Command(optimise, "Re-optimise the weights (choose a method)", scope: fusion, keys: ["o"], hint: "optimise"),
            Command(accept, "Accept the proposed weights", scope: fusion, keys: ["a"], hint: "accept"),
            Command(discard, "Discard the proposed weights", scope: fusion, keys: ["d"], hint: "discard"),
            Command(save, "Save the weights as a fusion and make it current", scope: fusion, keys: ["S"], hint: "save"),
            Command(cancel, "Cancel the running re-optimisation", scope: fusion, keys: ["c", "esc"], hint: "cancel"),
        ]
    }
}
