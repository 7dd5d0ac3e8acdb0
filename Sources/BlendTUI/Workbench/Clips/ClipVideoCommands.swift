/// The video preview's keys on the Clips screen (none of them used by the clip table).
enum ClipVideoCommands {
    static let playPause: CommandID = "video.play-pause"
    static let stepBack: CommandID = "video.step-back"
    static let stepForward: CommandID = "video.step-forward"
    static let fullView: CommandID = "video.full-view"

    static var all: [Command<AppState>] {
        [
            Command(playPause, "Video: play / pause", scope: .screen(.clips), keys: ["space"]),
            Command(stepBack, "Video: one frame back", scope: .screen(.clips), keys: [",", "left"]),
            Command(stepForward, "Video: one frame on", scope: .screen(.clips), keys: [".", "right"]),
            Command(fullView, "Video: full view on / off", scope: .screen(.clips), keys: ["v"], hint: "video"),
        ]
    }
}
