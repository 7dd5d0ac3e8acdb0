/// The Jobs screen's commands, with their default keys.
public enum JobsCommands {
    public static let down: CommandID = "jobs.down"
    public static let up: CommandID = "jobs.up"
    public static let pageDown: CommandID = "jobs.page-down"
    public static let pageUp: CommandID = "jobs.page-up"
    public static let first: CommandID = "jobs.first"
    public static let last: CommandID = "jobs.last"
    public static let cancel: CommandID = "jobs.cancel"
    public static let new: CommandID = "jobs.new"

    public static var all: [Command<AppState>] {
        [
            Command(down, "Next job (or scroll the log down)", scope: .screen(.jobs), keys: ["down", "j"], hint: "job"),
            Command(up, "Previous job (or scroll the log up)", scope: .screen(.jobs), keys: ["up", "k"]),
            Command(pageDown, "Jobs: page down", scope: .screen(.jobs), keys: ["pgdn"]),
            Command(pageUp, "Jobs: page up", scope: .screen(.jobs), keys: ["pgup"]),
            Command(first, "Newest job (or the log's first line)", scope: .screen(.jobs), keys: ["home", "g"]),
            Command(last, "Oldest job (or follow the log's tail)", scope: .screen(.jobs), keys: ["end", "G"]),
            Command(cancel, "Cancel the selected job (asks first)", scope: .screen(.jobs), keys: ["c"], hint: "cancel"),
            Command(new, "Start a retraining (encoder, model, epochs, seed)", scope: .screen(.jobs), keys: ["n"],
                    hint: "new training"),
        ]
    }
}
