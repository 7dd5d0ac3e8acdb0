import BlendCore

/// A colour as the backend hands it to curses.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background (curses colour -1).
    case terminalDefault
    /// A palette index.
    case index(Int)
    /// An exact colour, for the truecolor modes (the backend loads it into the palette or
    /// passes it as a direct colour number).
    case rgb(RGB)
}

/// Turns canvas styles into terminal colours and attributes for one theme and colour mode.
/// Pure, so every mode can be tested without a terminal.
public struct ColorMapper: Sendable {
    public let theme: Theme
    public let mode: ColorMode

    public init(theme: Theme, mode: ColorMode) {
        self.theme = theme
        self.mode = mode
    }

    /// Foreground and background for `style` (nil colours are the theme's text and background).
    public func colors(for style: Style) -> (foreground: TerminalColor, background: TerminalColor) {
        (map(style.foreground ?? .text), map(style.background ?? .background))
    }

    /// The attributes to show for `style`. Without colour, a highlighted background (the
    /// selection, the status bar, focus) would vanish, so it turns into reverse video.
    public func attributes(for style: Style) -> TextAttributes {
        guard mode == .monochrome, let background = style.background else { return style.attributes }
        switch background {
        case .selection, .statusBackground, .focus, .accent:
            return style.attributes.union(.reverse)
        default:
            return style.attributes
        }
    }

    /// One canvas colour in this mode.
    public func map(_ color: Color) -> TerminalColor {
        let resolved = theme.resolve(color)
        switch (mode, resolved) {
        case (.monochrome, _), (_, .terminalDefault):
            return .terminalDefault
        case (.palette8, .ansi(let index)):
            return .index(index % 8)
        case (.direct, .ansi(let index)) where index >= 8:
            // Direct-colour terminfo keeps only colours 0–7 as palette indices; the bright
            // ones would be read as near-black RGB values, so send their usual shade.
            return .rgb(ThemeColor.ansiReference[index])
        case (_, .ansi(let index)):
            return .index(index)
        case (.direct, .rgb(let rgb)), (.redefinable, .rgb(let rgb)):
            return .rgb(rgb)
        case (.palette256, .rgb(let rgb)):
            return .index(Int(XtermPalette.index(of: rgb)))
        case (.palette16, .rgb(let rgb)):
            return .index(PaletteMatch.nearestBasic(rgb, count: 16))
        case (.palette8, .rgb(let rgb)):
            return .index(PaletteMatch.nearestBasic(rgb, count: 8))
        }
    }
}
