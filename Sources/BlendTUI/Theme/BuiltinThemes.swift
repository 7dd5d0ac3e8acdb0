// Copies of Themes/*.toml, so that `--theme NAME` works wherever the binary is installed.
// A test keeps them identical to the files; edit the file, then paste it here.

enum BuiltinThemes {
    static let sources: [(name: String, source: String)] = [
        ("dark", #"""
# blendscope theme: dark (the default).
# Colours are "#rrggbb", one of the terminal's sixteen ("red", "bright-blue", ...) or "default"
# (the terminal's own colour). Every key below is required.
name = "dark"

[colors]
background = "#1b1e24"
text = "#d5d9e0"
muted = "#7c8391"
accent = "#5fafef"
border = "#464c59"
focus = "#e8c46a"
success = "#8cc36e"
error = "#e5636f"
warning = "#d99a5e"
selection = "#2e4464"
selection-text = "#ffffff"
status-background = "#262a33"
status-text = "#b8bfcb"
overlay = "#232730"

# One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.
[emotions]
ang = "#e5636f"
disg = "#7fbf5f"
fea = "#b57edc"
hap = "#e8c46a"
sad = "#5a9ee8"
neu = "#9aa1ad"

# The heat ramp for heatmaps, low to high; exact colours blend between stops.
[heatmap]
ramp = ["#1f2a3c", "#1f4e79", "#2a8c82", "#9cc95a", "#f4e35c"]
"""# + "\n"),
        ("light", #"""
# blendscope theme: light, for light terminal backgrounds.
# Colours are "#rrggbb", one of the terminal's sixteen ("red", "bright-blue", ...) or "default"
# (the terminal's own colour). Every key below is required.
name = "light"

[colors]
background = "#fafafa"
text = "#24292f"
muted = "#6e7781"
accent = "#0969da"
border = "#afb8c1"
focus = "#bf8700"
success = "#1a7f37"
error = "#cf222e"
warning = "#bc4c00"
selection = "#cfe3ff"
selection-text = "#0b1f3a"
status-background = "#e8eaed"
status-text = "#32383f"
overlay = "#f0f2f5"

# One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.
[emotions]
ang = "#cf222e"
disg = "#2e8540"
fea = "#8250df"
hap = "#b08800"
sad = "#0969da"
neu = "#6e7781"

# The heat ramp for heatmaps, low to high; exact colours blend between stops.
[heatmap]
ramp = ["#f3f6fa", "#c3dbf5", "#6fa8dc", "#2f6db5", "#0b2e6b"]
"""# + "\n"),
        ("high-contrast", #"""
# blendscope theme: high contrast, pure colours on black for low vision and bright rooms.
# Colours are "#rrggbb", one of the terminal's sixteen ("red", "bright-blue", ...) or "default"
# (the terminal's own colour). Every key below is required.
name = "high-contrast"

[colors]
background = "#000000"
text = "#ffffff"
muted = "#c0c0c0"
accent = "#00ffff"
border = "#ffffff"
focus = "#ffff00"
success = "#00ff00"
error = "#ff3030"
warning = "#ffa500"
selection = "#0000c0"
selection-text = "#ffffff"
status-background = "#ffffff"
status-text = "#000000"
overlay = "#000000"

# One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.
[emotions]
ang = "#ff3030"
disg = "#00ff00"
fea = "#ff60ff"
hap = "#ffff00"
sad = "#40a0ff"
neu = "#c0c0c0"

# The heat ramp for heatmaps, low to high; exact colours blend between stops.
[heatmap]
ramp = ["#000080", "#0000ff", "#00ffff", "#ffff00", "#ffffff"]
"""# + "\n"),
        ("16-colour", #"""
# blendscope theme: 16 colours, for terminals without a 256-colour palette. It names the
# terminal's own basic colours, so it follows whatever palette the terminal is set to.
# Colours are "#rrggbb", one of the terminal's sixteen ("red", "bright-blue", ...) or "default"
# (the terminal's own colour). Every key below is required.
name = "16-colour"

[colors]
background = "default"
text = "default"
muted = "bright-black"
accent = "bright-cyan"
border = "bright-black"
focus = "bright-yellow"
success = "green"
error = "red"
warning = "yellow"
selection = "blue"
selection-text = "bright-white"
status-background = "white"
status-text = "black"
overlay = "default"

# One colour per emotion: ang red, disg green, fea purple, hap yellow, sad blue, neu grey.
[emotions]
ang = "red"
disg = "green"
fea = "magenta"
hap = "yellow"
sad = "blue"
neu = "bright-black"

# The heat ramp for heatmaps, low to high: basic colours do not blend, so more steps.
[heatmap]
ramp = ["blue", "cyan", "green", "yellow", "bright-yellow", "bright-white"]
"""# + "\n"),
    ]
}
