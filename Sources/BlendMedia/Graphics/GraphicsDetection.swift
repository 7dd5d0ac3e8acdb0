/// What a terminal said about itself, read from its replies to the detection queries.
public struct TerminalReplies: Sendable, Equatable {
    /// kitty answered the `a=q` query with `OK`.
    public var kittyGraphics = false
    /// The primary device attributes (DA1) list 4: sixel graphics.
    public var sixel = false
    /// DA1 arrived at all (every terminal answers it, so it ends the wait).
    public var answeredDeviceAttributes = false
    /// The XTVERSION name and version (`kitty(0.26.5)`, `WezTerm 20230712`, `iTerm2 3.5.0`).
    public var version: String?

    public init(kittyGraphics: Bool = false, sixel: Bool = false, answeredDeviceAttributes: Bool = false,
                version: String? = nil) {
        self.kittyGraphics = kittyGraphics
        self.sixel = sixel
        self.answeredDeviceAttributes = answeredDeviceAttributes
        self.version = version
    }
}

/// Choosing a graphics mode: the queries to send, a pure parser of the replies, and the rule
/// that picks a mode from the replies and the environment.
public enum GraphicsDetection {
    /// kitty's query, XTVERSION (`CSI > 0 q`), then DA1 (`CSI c`) last: every terminal answers
    /// DA1, and answers in order, so its reply means the others have come or never will.
    public static let query = KittyGraphics.query + "\u{1B}[>0q" + "\u{1B}[c"

    /// Reads the replies out of whatever arrived (other input may be mixed in, replies may be
    /// cut off; an incomplete reply counts as absent).
    public static func parse(_ bytes: [UInt8]) -> TerminalReplies {
        var replies = TerminalReplies()
        let esc: UInt8 = 0x1B
        var i = 0
        while i < bytes.count {
            guard bytes[i] == esc, i + 1 < bytes.count else { i += 1; continue }
            switch bytes[i + 1] {
            case UInt8(ascii: "_"):  // APC: kitty's `ESC _ G i=31;OK ESC \`
                guard let end = stringTerminator(bytes, from: i + 2) else { return replies }
                let body = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                if body.hasPrefix("G"), body.contains("i=31"), body.hasSuffix(";OK") { replies.kittyGraphics = true }
                i = end + 2
            case UInt8(ascii: "P"):  // DCS: XTVERSION's `ESC P > | text ESC \`
                guard let end = stringTerminator(bytes, from: i + 2) else { return replies }
                let body = String(decoding: bytes[(i + 2)..<end], as: UTF8.self)
                if body.hasPrefix(">|") { replies.version = String(body.dropFirst(2)) }
                i = end + 2
            case UInt8(ascii: "["):  // CSI: DA1's `ESC [ ? 62 ; 4 ; 22 c`
                var j = i + 2
                while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                guard j < bytes.count else { return replies }
                if bytes[j] == UInt8(ascii: "c"), i + 2 < j, bytes[i + 2] == UInt8(ascii: "?") {
                    replies.answeredDeviceAttributes = true
                    let parameters = String(decoding: bytes[(i + 3)..<j], as: UTF8.self).split(separator: ";")
                    if parameters.contains("4") { replies.sixel = true }
                }
                i = j + 1
            default:
                i += 1
            }
        }
        return replies
    }

    /// The best mode the terminal offers. Replies decide first; under tmux (where replies may
    /// not come back, or come back out of order) the outer terminal's variables, which tmux
    /// passes through, decide.
    public static func choose(_ replies: TerminalReplies, environment: [String: String]) -> GraphicsMode {
        let version = (replies.version ?? "").lowercased()
        if replies.kittyGraphics { return .kitty }
        if version.hasPrefix("iterm2") { return .iterm }
        if replies.sixel { return .sixel }
        return hinted(environment) ?? .cells
    }

    /// The mode the environment names: `TERM=xterm-kitty`, `KITTY_WINDOW_ID`, Ghostty, WezTerm
    /// (kitty's protocol); `TERM_PROGRAM=iTerm.app` (iTerm2's images). Nil when none says.
    public static func hinted(_ environment: [String: String]) -> GraphicsMode? {
        let program = environment["TERM_PROGRAM"] ?? ""
        if environment["TERM"] == "xterm-kitty" || environment["KITTY_WINDOW_ID"] != nil
            || environment["GHOSTTY_RESOURCES_DIR"] != nil || program == "ghostty" || program == "WezTerm" {
            return .kitty
        }
        if program == "iTerm.app" { return .iterm }
        return nil
    }

    /// Index of the ESC of the `ESC \` that ends a string starting at `from`, or nil.
    private static func stringTerminator(_ bytes: [UInt8], from start: Int) -> Int? {
        var k = start
        while k + 1 < bytes.count {
            if bytes[k] == 0x1B, bytes[k + 1] == 0x5C { return k }
            k += 1
        }
        return nil
    }
}
