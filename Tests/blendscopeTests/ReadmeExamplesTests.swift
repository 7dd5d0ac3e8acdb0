import Foundation
import XCTest

/// Issue 14 item 9: README.md is a tested document. Every `$ blendscope …` line in a fenced
/// block runs as written, in the order given, through `/bin/sh` from a scratch copy of the
/// repository's layout (`Data/real/`; the README's own `blendscope demo demo/demo.sqlite`
/// builds the demo) with the built `blendscope` first on PATH. Each command's exit status and
/// the first line of its output (stdout; stderr when it is refused) must be the README's, with
/// dates and times masked and runs of spaces read as one. An example that is refused says so
/// on the line after its output: `[exit 64]`.
final class ReadmeExamplesTests: XCTestCase {
    struct Example: Equatable {
        /// The README's line number of the `$` line.
        let line: Int
        let command: String
        /// The first line shown under it ("" when none is shown).
        let firstLine: String
        let status: Int32
    }

    static let repository = CLI.fixtures.deletingLastPathComponent().deletingLastPathComponent()

    /// The `$ blendscope …` examples of the fenced blocks of `text`, in order.
    static func examples(in text: String) -> [Example] {
        let lines = text.components(separatedBy: "\n")
        var examples: [Example] = []
        var inFence = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            if line.hasPrefix("```") { inFence.toggle(); index += 1; continue }
            guard inFence, line.hasPrefix("$ blendscope ") || line == "$ blendscope" else { index += 1; continue }
            // The output shown: the lines up to the next `$` line or the end of the block.
            var output: [String] = []
            var next = index + 1
            while next < lines.count, !lines[next].hasPrefix("$ "), !lines[next].hasPrefix("```") {
                output.append(lines[next])
                next += 1
            }
            var status: Int32 = 0
            if let last = output.last(where: { !$0.isEmpty }), last.hasPrefix("[exit "), last.hasSuffix("]"),
               let code = Int32(last.dropFirst(6).dropLast()) {
                status = code
                output.removeAll { $0 == last }
            }
            examples.append(Example(line: index + 1, command: String(line.dropFirst(2)),
                                    firstLine: output.first ?? "", status: status))
            index = next
        }
        return examples
    }

    /// A line as compared: dates and times masked, the scratch folder named `<dir>`, runs of
    /// spaces as one, no trailing space.
    static func normalised(_ line: String, scratch: String) -> String {
        var text = line.replacingOccurrences(of: scratch, with: "<dir>")
        text = text.replacingOccurrences(of: #"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}Z?"#, with: "<time>",
                                         options: .regularExpression)
        text = text.replacingOccurrences(of: #"\s+"#, with: " ", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `actual` shows what `expected` does; a `…` in an expected line stands for any
    /// text there (`closest first: HiCMAE, …)`, or a line cut short at its end).
    static func matches(_ actual: String, _ expected: String) -> Bool {
        guard expected.contains("…") else { return actual == expected }
        let parts = expected.components(separatedBy: "…").map { NSRegularExpression.escapedPattern(for: $0) }
        let pattern = "^" + parts.joined(separator: ".*") + "$"
        // A cut at the end may also have dropped the space before it.
        let relaxed = expected.hasSuffix("…") ? "^" + parts.dropLast().joined(separator: ".*").trimmingCharacters(in: .whitespaces) + ".*$" : pattern
        return actual.range(of: relaxed, options: .regularExpression) != nil
    }

    func testTheExtractorReadsCommandsOutputAndRefusals() {
        let text = """
        ```sh
        make run
        ```
        ```
        $ blendscope eval p.sqlite --json | head -1
        {
          "a": 1
        $ blendscope use p.sqlite --encoder Nope
        no encoder named 'Nope'
        [exit 1]
        $ blendscope demo d.sqlite
        ```
        """
        XCTAssertEqual(Self.examples(in: text), [
            Example(line: 5, command: "blendscope eval p.sqlite --json | head -1", firstLine: "{", status: 0),
            Example(line: 8, command: "blendscope use p.sqlite --encoder Nope", firstLine: "no encoder named 'Nope'", status: 1),
            Example(line: 11, command: "blendscope demo d.sqlite", firstLine: "", status: 0),
        ])
        XCTAssertEqual(Self.normalised("job 1  at 2026-12-02 07:31:29  in /tmp/x/demo", scratch: "/tmp/x"),
                       "job 1 at <time> in <dir>/demo")
        XCTAssertTrue(Self.matches("encoder HiCMAE · all · 3055 clips", "encoder HiCMAE · all …"))
        XCTAssertFalse(Self.matches("encoder HiCMAE · all · 3055 clips", "encoder HiCMAE · all"))
        XCTAssertTrue(Self.matches("(it has closest first: HiCMAE, WavLM, and 4 more)", "(it has closest first: HiCMAE, …)"))
        XCTAssertFalse(Self.matches("(it has closest first: WavLM, HiCMAE)", "(it has closest first: HiCMAE, …)"))
    }

    /// Runs in `make test` (`BLENDSCOPE_MAKE_TEST`) and `make readme-test` (on the release
    /// binary, `BLENDSCOPE_README_BIN`); a bare `swift test` skips it. The README's first example
    /// builds the demo with its 3,055 videos: BlendDemo and BlendMedia are optimised even in a
    /// debug build (Package.swift) so that this takes minutes, not the half hour their
    /// unoptimised per-pixel and per-sample loops took.
    func testEveryExampleRunsAsWritten() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment["BLENDSCOPE_MAKE_TEST"] == "1" || environment["BLENDSCOPE_README_TEST"] == "1" else {
            throw XCTSkip("the README's examples run in `make test` and `make readme-test` (BLENDSCOPE_README_TEST=1 here)")
        }
        let readme = try String(contentsOf: Self.repository.appendingPathComponent("README.md"), encoding: .utf8)
        let examples = Self.examples(in: readme)
        XCTAssertGreaterThan(examples.count, 30, "README.md's examples were not found")
        let scratch = try CLI.scratchDirectory(self)
        let data = scratch.appendingPathComponent("Data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.repository.appendingPathComponent("Data/real"),
                                         to: data.appendingPathComponent("real"))
        let bin = environment["BLENDSCOPE_README_BIN"] ?? CLI.executable.deletingLastPathComponent().path
        let path = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        for example in examples {
            let r = try Self.shell(example.command, in: scratch, path: path)
            let shown = r.status == 0 ? r.stdout : r.stderr
            let first = shown.components(separatedBy: "\n").first ?? ""
            let actual = Self.normalised(first, scratch: scratch.path)
            let expected = Self.normalised(example.firstLine, scratch: scratch.path)
            XCTAssertEqual(r.status, example.status,
                           "README.md:\(example.line): $ \(example.command)\nstdout: \(r.stdout.prefix(2000))\nstderr: \(r.stderr.prefix(2000))")
            XCTAssertTrue(Self.matches(actual, expected),
                          "README.md:\(example.line): $ \(example.command)\n  README: \(example.firstLine)\n  actual: \(first)")
        }
    }

    /// Runs `command` with `/bin/sh -c` in `folder`, `PATH` as given and no colour.
    static func shell(_ command: String, in folder: URL, path: String) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = path
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = nil
        process.environment = env
        // Standard error into a file, so that neither stream can fill and block the child.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("blendscope-readme-\(UUID().uuidString).err")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = (try? Data(contentsOf: errFile)) ?? Data()
        return CLI.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                          stderr: String(decoding: errData, as: UTF8.self))
    }
}
