/// The showcase's own commands (its pages stand in for the screens).
enum ShowcaseCommands {
    static let toast: CommandID = "showcase.toast"
    static let down: CommandID = "showcase.down"
    static let up: CommandID = "showcase.up"
    static let pageDown: CommandID = "showcase.page-down"
    static let pageUp: CommandID = "showcase.page-up"
    static let top: CommandID = "showcase.top"
    static let bottom: CommandID = "showcase.bottom"
    static let alphaUp: CommandID = "showcase.alpha-up"
    static let alphaDown: CommandID = "showcase.alpha-down"
    static let alphaUpCoarse: CommandID = "showcase.alpha-up-coarse"
    static let alphaDownCoarse: CommandID = "showcase.alpha-down-coarse"
    static let betaUp: CommandID = "showcase.beta-up"
    static let betaDown: CommandID = "showcase.beta-down"
    static let startJob: CommandID = "showcase.start-job"
    static let cancelJob: CommandID = "showcase.cancel-job"

    static var all: [Command<AppState>] {
        [
            Command(toast, "Show a toast", scope: .screen(.overview), keys: ["t"], hint: "toast"),
            Command(down, "Next row", scope: .screen(.clips), keys: ["j", "down"], hint: "move"),
            Command(up, "Previous row", scope: .screen(.clips), keys: ["k", "up"]),
            Command(pageDown, "Page down", scope: .screen(.clips), keys: ["pgdn", "ctrl+d"]),
            Command(pageUp, "Page up", scope: .screen(.clips), keys: ["pgup", "ctrl+u"]),
            Command(top, "First row", scope: .screen(.clips), keys: ["home", "g"], hint: "top"),
            Command(bottom, "Last row", scope: .screen(.clips), keys: ["end", "G"], hint: "bottom"),
            Command(alphaUp, "Raise α by .01", scope: .screen(.thresholds), keys: ["l", "right"], hint: "α"),
            Command(alphaDown, "Lower α by .01", scope: .screen(.thresholds), keys: ["h", "left"]),
            Command(alphaUpCoarse, "Raise α by .1", scope: .screen(.thresholds), keys: ["L"]),
            Command(alphaDownCoarse, "Lower α by .1", scope: .screen(.thresholds), keys: ["H"]),
            Command(betaUp, "Raise β by .01", scope: .screen(.thresholds), keys: ["k", "up"], hint: "β"),
            Command(betaDown, "Lower β by .01", scope: .screen(.thresholds), keys: ["j", "down"]),
            Command(startJob, "Start the demo job", scope: .screen(.jobs), keys: ["s"], hint: "start",
                    disabledReason: { $0.runningJobs > 0 ? "a job is already running" : nil }),
            Command(cancelJob, "Cancel the demo job", scope: .screen(.jobs), keys: ["x"], hint: "cancel",
                    disabledReason: { $0.runningJobs == 0 ? "no job is running" : nil }),
        ]
    }
}
