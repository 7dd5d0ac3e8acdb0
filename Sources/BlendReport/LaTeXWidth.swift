/// How wide text sets in Computer Modern, the font of a plain `article`: an estimate in TeX
/// points from the glyph widths of cmr10 (and cmmi10 for the Greek letters), so the LaTeX
/// renderer can pick a font size and column gap that fit the page before pdflatex sees it.
/// It errs wide (unknown characters count as an `m`-ish 7 pt), never narrow.
enum LaTeXWidth {
    /// A font size of the 10 pt `article` and how wide its glyphs are relative to cmr10's:
    /// the smaller sizes use the wider-set cmr9, cmr8 and cmr7 (digits 4.63, 4.25, 3.99 pt).
    struct Size: Hashable {
        let command: String?
        let scale: Double

        static let normal = Size(command: nil, scale: 1)
        static let small = Size(command: "\\small", scale: 0.926)
        static let footnote = Size(command: "\\footnotesize", scale: 0.85)
        static let script = Size(command: "\\scriptsize", scale: 0.80)
    }

    /// The width of `text` (as people read it, before escaping) at 10 pt.
    static func points(_ text: String) -> Double {
        text.reduce(0) { $0 + glyph($1) }
    }

    private static func glyph(_ c: Character) -> Double {
        if c.isNumber && c.isASCII { return 5.0 }
        if let w = lower[c] { return w }
        if let w = upper[c] { return w }
        switch c {
        case ".", ",", ":", ";", "'", "!", "[", "]", "|": return 2.78
        case " ": return 3.33
        case "(", ")": return 3.89
        case "-": return 3.33
        case "–": return 5.0
        case "—": return 10.0
        case "/", "*", "?", "\"": return 5.0
        case "_": return 5.0
        case "+", "=", "<", ">", "×", "≤", "≥", "±", "→": return 7.78
        case "%", "#", "&", "$": return 8.33
        case "α": return 6.4
        case "β": return 5.7
        case "Δ": return 8.33
        case "~", "^", "{", "}", "\\": return 5.0
        default: return 7.0
        }
    }

    private static let lower: [Character: Double] = [
        "a": 5.0, "b": 5.56, "c": 4.44, "d": 5.56, "e": 4.44, "f": 3.06, "g": 5.0, "h": 5.56, "i": 2.78,
        "j": 3.06, "k": 5.28, "l": 2.78, "m": 8.33, "n": 5.56, "o": 5.0, "p": 5.56, "q": 5.28, "r": 3.92,
        "s": 3.94, "t": 3.89, "u": 5.56, "v": 5.28, "w": 7.22, "x": 5.28, "y": 5.28, "z": 4.44,
    ]

    private static let upper: [Character: Double] = [
        "A": 7.5, "B": 7.08, "C": 7.22, "D": 7.64, "E": 6.81, "F": 6.53, "G": 7.85, "H": 7.5, "I": 3.61,
        "J": 5.14, "K": 7.78, "L": 6.25, "M": 9.17, "N": 7.5, "O": 7.78, "P": 6.81, "Q": 7.78, "R": 7.36,
        "S": 5.56, "T": 7.22, "U": 7.5, "V": 7.5, "W": 10.28, "X": 7.5, "Y": 7.5, "Z": 6.11,
    ]
}
