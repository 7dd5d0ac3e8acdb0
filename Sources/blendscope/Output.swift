import BlendCore
import BlendReport
import Foundation

/// How a verb prints: aligned text for people, one JSON document for scripts (`--json`).
enum Output {
    /// Keys in snake_case (`acc_presence`), as pandas users and the challenge's files spell them.
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    static func json<T: Encodable>(_ value: T) throws {
        let data = try encoder(pretty: true).encode(value)
        FileHandle.standardOutput.write(safeJSON(data))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// One JSON object per line, flushed at once: progress streams for `--json` jobs.
    static func jsonLine<T: Encodable>(_ value: T) throws {
        var data = safeJSON(try encoder(pretty: false).encode(value))
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }

    /// A line for people. Clip names, notes, tags and paths come from files and users, so
    /// controls and bidi overrides are shown escaped (`\x1b`), never sent to the terminal.
    /// JSONEncoder escapes C0 controls but leaves DEL, C1 and the bidi overrides raw.
    private static func safeJSON(_ data: Data) -> Data {
        Data(SafeText.json(String(decoding: data, as: UTF8.self)).utf8)
    }

    static func line(_ text: String = "") {
        print(SafeText.terminal(text))
    }

    /// "594 unlabelled test clips not scored", when the scope left any out.
    static func unlabelledNote(_ count: Int) {
        if let note = ClipScope.unlabelledNote(count) { line(note) }
    }

    /// `"unlabelled": N` in a JSON report, absent when there are none (older outputs unchanged).
    static func unlabelledField(_ count: Int) -> Int? { count > 0 ? count : nil }

    static func warn(_ text: String) {
        errorText("blendscope: \(text)")
    }

    /// A message on standard error, escaped like `line`.
    static func errorText(_ text: String) {
        FileHandle.standardError.write(Data((SafeText.terminal(text) + "\n").utf8))
    }

    /// A left/right aligned text table; numbers right-aligned, text left-aligned.
    static func table(_ header: [String], _ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        TextTable.render(header, rows, rightAligned: rightAligned)
    }

    /// `0.2709` → `.271` (`ReportText.rate`: the digits every export and the TUI show).
    static func rate(_ x: Double) -> String {
        ReportText.rate(x)
    }

    /// A difference of rates or a correlation with its sign, three decimals and the leading
    /// zero (`+0.012`, `-0.300`); a result that rounds to zero is `+0.000`.
    static func signedRate(_ x: Double) -> String {
        let s = NumberText.fixed(x, places: 3)
        return s.hasPrefix("-") ? s : "+" + s
    }

    /// Thresholds print with four decimals (`0.0974`).
    static func threshold(_ x: Double) -> String {
        ReportText.threshold(x)
    }
}
