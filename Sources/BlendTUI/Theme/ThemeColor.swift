import BlendCore

/// A colour as a theme file states it: exact (`#rrggbb`), one of the terminal's own sixteen
/// (`red`, `bright-blue`, ...: the user's palette decides the shade), or the terminal's default.
public enum ThemeColor: Hashable, Sendable, CustomStringConvertible {
    case rgb(RGB)
    /// Index 0–15 of the terminal's basic palette.
    case ansi(Int)
    /// The terminal's own foreground or background.
    case terminalDefault

    /// Names of the sixteen basic colours, by index.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// xterm's default values for the sixteen basic colours, the usual reference when one of
    /// them has to be compared or shown exactly.
    public static var ansiReference: [RGB] { XtermPalette.systemColors }

    /// Parses `#rrggbb`, an ANSI name (`grey`/`gray` mean `bright-black`) or `default`.
    public init?(_ text: String) {
        let name = text.lowercased()
        if name == "default" {
            self = .terminalDefault
        } else if let rgb = RGB(hex: name) {
            self = .rgb(rgb)
        } else if let index = ThemeColor.ansiNames.firstIndex(of: name) {
            self = .ansi(index)
        } else if name == "grey" || name == "gray" {
            self = .ansi(8)
        } else {
            return nil
        }
    }

    /// The exact colour, or xterm's reference value for a basic one; nil for the default.
    public var approximateRGB: RGB? {
        switch self {
        case .rgb(let rgb): rgb
        case .ansi(let index): ThemeColor.ansiReference[index]
        case .terminalDefault: nil
        }
    }

    public var description: String {
        switch self {
        case .rgb(let rgb): rgb.description
        case .ansi(let index): ThemeColor.ansiNames[index]
        case .terminalDefault: "default"
        }
    }
}
