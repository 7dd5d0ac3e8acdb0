/// The commands' discussions are written wrapped at about 100 columns in the source, and
/// ArgumentParser wraps help to the terminal's width again, which left short ragged lines
/// (issue 14). `reflow` joins each paragraph's lines into one, so the help is wrapped once,
/// to the terminal. A blank line ends a paragraph; an example (`blendscope …`), an indented
/// line, a list item (`- `) or a `NAME: text` entry starts a line of its own.
enum HelpText {
    static func reflow(_ text: String) -> String {
        var lines: [String] = []
        var joinable = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if isBlank(line) {
                lines.append("")
                joinable = false
            } else if joinable, !startsOwnLine(line), let last = lines.popLast() {
                lines.append(last + " " + line)
            } else {
                lines.append(line)
                joinable = !isExample(line) && !line.hasPrefix(" ")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Only blanks: what `trimmingCharacters(in: .whitespaces).isEmpty` said (tab and the
    /// Unicode space separators), without Foundation's bridging. Every verb's configuration is
    /// built at start, so this runs on each of their discussions' lines every start (issue 16).
    private static func isBlank(_ line: String) -> Bool {
        // ASCII answers without the Unicode property lookup: only the space and the tab are blank.
        line.unicodeScalars.allSatisfy {
            $0.isASCII ? ($0 == " " || $0 == "\t") : $0.properties.generalCategory == .spaceSeparator
        }
    }

    private static func isExample(_ line: String) -> Bool {
        line.hasPrefix("blendscope ") || line.hasPrefix("$ ") || line.hasPrefix("make ")
    }

    private static func startsOwnLine(_ line: String) -> Bool {
        isExample(line) || line.hasPrefix(" ") || line.hasPrefix("- ") || line.hasPrefix("• ")
    }
}
