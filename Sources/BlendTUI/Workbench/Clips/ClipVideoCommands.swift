/// The video preview's keys on the Clips screen (none of them used by the clip table).
enum ClipVideoCommands {
    static let playPause: CommandID = "video.play-pause"
    static let stepBack: CommandID = "video.step-back"
    static let stepForward: CommandID = "video.step-forward"
    static let fullView: CommandID = "video.full-view"
    static let waveform: CommandID = "video.waveform"
    static let spectrogram: CommandID = "video.spectrogram"
    static let mute: CommandID = "video.mute"
    static let openInPlayer: CommandID = "video.open-in-player"

    static var all: [Command<AppState>] {
        [
            Command(playPause, "Video: play / pause", scope: .screen(.clips), keys: ["space"]),
            Command(stepBack, "Video: one frame back", scope: .screen(.clips), keys: [",", "left"]),
            Command(stepForward, "Video: one frame on", scope: .screen(.clips), keys: [".", "right"]),
            Command(fullView, "Video: full view on / off", scope: .screen(.clips), keys: ["v"], hint: "video"),
            Command(waveform, "Sound: waveform strip on / off", scope: .screen(.clips), keys: ["a"]),
            Command(spectrogram, "Sound: spectrogram strip on / off", scope: .screen(.clips), keys: ["A"]),
            Command(mute, "Sound: mute / unmute", scope: .screen(.clips), keys: ["m"]),
            Command(openInPlayer, "Video: open in your player ($BLENDSCOPE_PLAYER, mpv, ffplay, xdg-open)",
                    scope: .screen(.clips), keys: ["O"]),
        ]
    }
}
