/// The source picker's commands: one key on every screen (shown in the key hints) and the
/// palette's `:source`, `:encoder` and `:fusion`.
enum SourcePickerCommands {
    static let pick: CommandID = "source.pick"
    static let encoder: CommandID = "source.encoder"
    static let fusion: CommandID = "source.fusion"

    static var all: [Command<AppState>] {
        [
            Command(pick, "Source: choose the encoder or fusion every screen shows", scope: .global, keys: ["u"],
                    hint: "source"),
            Command(encoder, "Encoder: choose an encoder as the source", scope: .global, keys: []),
            Command(fusion, "Fusion: choose a saved fusion as the source", scope: .global, keys: []),
        ]
    }
}
