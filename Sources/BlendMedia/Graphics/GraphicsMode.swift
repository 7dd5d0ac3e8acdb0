/// How a terminal is asked to show a picture.
public enum GraphicsMode: String, Sendable, CaseIterable, Codable {
    /// kitty's graphics protocol (kitty, WezTerm, Ghostty, Konsole): the RGB pixels themselves.
    case kitty
    /// DEC sixel (xterm -ti vt340, foot, mlterm, WezTerm, iTerm2, Windows Terminal): 256 colours.
    case sixel
    /// iTerm2's inline images (`ESC ] 1337 ; File=…`): iTerm2, WezTerm, Konsole; a PNG.
    case iterm
    /// Character cells (half blocks, quadrants, sextants or octants): works everywhere.
    case cells

    /// True when the mode draws real pixels, which text-only screen captures never show.
    public var drawsPixels: Bool { self != .cells }
}

/// Where an escape sequence is going: straight to the terminal, or through tmux, which passes
/// it to the outer terminal only inside its DCS passthrough (and only with
/// `set -g allow-passthrough on`, off by default since tmux 3.3).
public enum GraphicsRoute: Sendable, Equatable {
    case direct
    case tmux

    /// `$TMUX` set means inside tmux (`$TERM` is not reliable: tmux/tmux#2254).
    public static func current(environment: [String: String]) -> GraphicsRoute {
        (environment["TMUX"] ?? "").isEmpty ? .direct : .tmux
    }

    /// `sequence` ready to write: unchanged, or wrapped as `ESC P tmux ; … ESC \` with every ESC
    /// inside doubled.
    public func wrap(_ sequence: [UInt8]) -> [UInt8] {
        guard self == .tmux else { return sequence }
        var out: [UInt8] = Array("\u{1B}Ptmux;".utf8)
        out.reserveCapacity(sequence.count + sequence.count / 64 + 16)
        for byte in sequence {
            if byte == 0x1B { out.append(0x1B) }
            out.append(byte)
        }
        out += [0x1B, 0x5C]
        return out
    }
}
