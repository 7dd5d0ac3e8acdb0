import BlendCore

// The built-in themes, so that `--theme NAME` works wherever the binary is installed. Each is
// written out as the exact text of its Themes/*.toml file (a test keeps them identical): edit
// the file, then its values here.

/// One built-in theme's values; `source` writes them out in the layout every theme file shares.
struct BuiltinTheme {
    let name: String
    /// The opening comment's lines, the first after "blendscope theme: ".
    let about: [String]
    /// One per `[colors]` key, in `ThemeRoles.keyed` order.
    let colors: [String]
    /// One per emotion, in `Emotion.allCases` order.
    let emotions: [String]
    let ramp: [String]
    /// Whether the ramp's stops are exact colours that blend (basic ones do not).
    let blends: Bool

    var source: String {
        func quoted(_ value: String) -> String { "\"\(value)\"" }
        var lines = ["# blendscope theme: " + about[0]] + about.dropFirst().map { "# " + $0 }
        lines += [
            ##"# Colours are "#rrggbb", one of the terminal's sixteen ("red", "bright-blue", ...) or "default""##,
            "# (the terminal's own colour). Every key below is required.",
            "name = \(quoted(name))", "", "[colors]",
        ]
        lines += zip(ThemeRoles.keys, colors).map { "\($0) = \(quoted($1))" }
        lines += ["", "# One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.", "[emotions]"]
        lines += zip(Emotion.allCases, emotions).map { "\($0.code) = \(quoted($1))" }
        lines += [
            "", "# The heat ramp for heatmaps, low to high"
                + (blends ? "; exact colours blend between stops." : ": basic colours do not blend, so more steps."),
            "[heatmap]", "ramp = [" + ramp.map(quoted).joined(separator: ", ") + "]",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

enum BuiltinThemes {
    static let themes: [BuiltinTheme] = [
        BuiltinTheme(
            name: "dark", about: ["dark (the default)."],
            colors: ["#1b1e24", "#d5d9e0", "#7c8391", "#5fafef", "#464c59", "#e8c46a", "#8cc36e",
                     "#e5636f", "#d99a5e", "#2e4464", "#ffffff", "#262a33", "#b8bfcb", "#232730"],
            emotions: ["#e5636f", "#7fbf5f", "#b57edc", "#e8c46a", "#5a9ee8", "#9aa1ad"],
            ramp: ["#4a78c8", "#2a8c82", "#9cc95a", "#f4e35c"], blends: true),
        BuiltinTheme(
            name: "light", about: ["light, for light terminal backgrounds."],
            colors: ["#fafafa", "#24292f", "#6e7781", "#0969da", "#afb8c1", "#bf8700", "#1a7f37",
                     "#cf222e", "#bc4c00", "#cfe3ff", "#0b1f3a", "#e8eaed", "#32383f", "#f0f2f5"],
            emotions: ["#cf222e", "#2e8540", "#9a3fd6", "#b08800", "#0969da", "#6e7781"],
            ramp: ["#8fb8e8", "#4f8fd0", "#2f6db5", "#0b2e6b"], blends: true),
        BuiltinTheme(
            name: "high-contrast", about: ["high contrast, pure colours on black for low vision and bright rooms."],
            colors: ["#000000", "#ffffff", "#c0c0c0", "#00ffff", "#ffffff", "#ffff00", "#00ff00",
                     "#ff3030", "#ffa500", "#0000c0", "#ffffff", "#ffffff", "#000000", "#000000"],
            emotions: ["#ff3030", "#00ff00", "#ff60ff", "#ffff00", "#40a0ff", "#c0c0c0"],
            ramp: ["#000080", "#0000ff", "#00ffff", "#ffff00", "#ffffff"], blends: true),
        BuiltinTheme(
            name: "16-colour",
            about: ["16 colours, for terminals without a 256-colour palette. It names the",
                    "terminal's own basic colours, so it follows whatever palette the terminal is set to."],
            colors: ["default", "default", "bright-black", "bright-cyan", "bright-black", "bright-yellow", "green",
                     "red", "yellow", "blue", "bright-white", "white", "black", "default"],
            emotions: ["red", "green", "magenta", "yellow", "blue", "bright-black"],
            ramp: ["blue", "cyan", "green", "yellow", "bright-yellow", "bright-white"], blends: false),
    ]

    static var sources: [(name: String, source: String)] { themes.map { ($0.name, $0.source) } }
}
