/// How many colours the terminal can show, which decides how theme colours are mapped.
public enum ColorMode: Hashable, Sendable, CustomStringConvertible {
    /// Colour numbers are 24-bit RGB values (a terminfo with the `RGB` capability, such as
    /// `xterm-direct`).
    case direct
    /// A truecolor terminal with a 256-colour terminfo that lets palette entries be redefined:
    /// theme colours are loaded into the palette exactly. `slots` entries are free for it.
    case redefinable(slots: Int)
    /// The xterm 256-colour palette: the colour cube and grey ramp, matched by nearest colour.
    case palette256
    /// The sixteen basic colours.
    case palette16
    /// Eight basic colours.
    case palette8
    /// No colour at all (`NO_COLOR`, or a terminal without colour): attributes only.
    case monochrome

    /// Decides the mode from the environment and what the terminal database says.
    /// `NO_COLOR` (non-empty, as no-color.org defines it) wins; `COLORTERM=truecolor|24bit`
    /// opens the truecolor modes when the terminal can take them (palette redefinition only
    /// where palette changes reach the terminal: `ignoresPaletteChanges`).
    public static func detect(environment: [String: String], hasColors: Bool, colors: Int,
                              canChangeColor: Bool) -> ColorMode {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .monochrome }
        guard hasColors, colors >= 8 else { return .monochrome }
        if colors >= 0x100_0000 { return .direct }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        let ignored = ignoresPaletteChanges(environment)
        if (colorterm == "truecolor" || colorterm == "24bit") && canChangeColor && colors >= 256 && !ignored {
            return .redefinable(slots: colors - 16)
        }
        if colors >= 256 { return .palette256 }
        if colors >= 16 { return .palette16 }
        return .palette8
    }

    /// Parses a forced mode (`--color truecolor|256|16|8|none`); truecolor means direct.
    public init?(name: String) {
        switch name.lowercased() {
        case "truecolor", "24bit", "direct": self = .direct
        case "256": self = .palette256
        case "16": self = .palette16
        case "8": self = .palette8
        case "none", "mono", "monochrome": self = .monochrome
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .direct: "truecolor (direct)"
        case .redefinable(let slots): "truecolor (\(slots) redefinable palette entries)"
        case .palette256: "256 colours"
        case .palette16: "16 colours"
        case .palette8: "8 colours"
        case .monochrome: "no colour"
        }
    }
}

extension ColorMode {
    /// Inside tmux or screen, which do not pass palette changes through to the real terminal:
    /// there a redefined entry would show its old colour.
    public static func isMultiplexed(_ environment: [String: String]) -> Bool {
        environment["TMUX"] != nil || environment["STY"] != nil
    }

    /// Where a redefined palette entry would show its old colour: inside tmux or screen, and in
    /// Konsole (22.12 ignores palette changes, OSC 4: the workbench drew in the default
    /// palette's dark blues and greens). There the nearest of the 256 standard colours is used.
    public static func ignoresPaletteChanges(_ environment: [String: String]) -> Bool {
        isMultiplexed(environment) || environment["KONSOLE_VERSION"] != nil
    }

    /// A forced mode (`--color`) made to fit what the terminal database says the terminal
    /// takes, with a line saying what changed and why (nil when it fits). curses refuses colour
    /// numbers at or past `COLORS`, and a pair it refused draws black on black: forcing
    /// `truecolor` over `xterm-256color` would hide every coloured word.
    public static func fitting(_ forced: ColorMode, colors: Int, canChangeColor: Bool, ignoresPaletteChanges: Bool,
                               terminal: String) -> (mode: ColorMode, note: String?) {
        let fitted: ColorMode
        switch forced {
        case .monochrome:
            fitted = .monochrome
        case .direct where colors >= 0x100_0000:
            fitted = .direct
        case .direct, .redefinable:
            if colors >= 256, canChangeColor, !ignoresPaletteChanges {
                if case .redefinable = forced { fitted = forced } else { fitted = .redefinable(slots: colors - 16) }
            } else {
                fitted = capped(.palette256, colors: colors)
            }
        case .palette256, .palette16, .palette8:
            fitted = capped(forced, colors: colors)
        }
        guard fitted.level < forced.level else { return (fitted, nil) }
        var note = "\(terminal) has \(colors) colours: showing \(fitted) instead of \(forced)"
        if case .direct = forced { note += " (TERM=\(terminal.hasPrefix("xterm") ? "xterm-direct" : "…-direct") gives 24-bit colour)" }
        return (fitted, note)
    }

    /// The richest of `mode` and the palettes `colors` allows.
    private static func capped(_ mode: ColorMode, colors: Int) -> ColorMode {
        let allowed: ColorMode = colors >= 256 ? .palette256 : colors >= 16 ? .palette16 : colors >= 8 ? .palette8 : .monochrome
        return allowed.level < mode.level ? allowed : mode
    }

    /// How many colours the mode can show, for comparing modes.
    var level: Int {
        switch self {
        case .monochrome: 0
        case .palette8: 1
        case .palette16: 2
        case .palette256: 3
        case .redefinable: 4
        case .direct: 5
        }
    }
}
