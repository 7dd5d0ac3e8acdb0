import CNcursesW
import Foundation

/// The program `O` opens a clip in, and how it shares the terminal.
///
/// - `$BLENDSCOPE_PLAYER` (it may hold options, e.g. `mpv --vo=kitty`) runs on the terminal:
///   the workbench's screen is put away until the player exits, then comes back whole. We
///   cannot know whether it opens a window, and a terminal player started beside the workbench
///   would draw over it.
/// - Else, where a display exists, the first of mpv, ffplay and xdg-open runs on its own in its
///   window (input and output away from the terminal) and the workbench keeps working.
/// - Else (a console, an SSH session) mpv draws on the terminal (`--vo=tct`), in the foreground
///   like `$BLENDSCOPE_PLAYER`; ffplay and xdg-open need a display, so they are not chosen.
struct ExternalPlayer: Sendable, Equatable {
    enum Placement: Sendable, Equatable {
        /// Its own window; the workbench stays on the terminal.
        case window
        /// The terminal itself, the workbench suspended meanwhile.
        case terminal
    }

    /// The executable and the words before the file.
    var arguments: [String]
    var placement: Placement
    var name: String { arguments.first.map { ($0 as NSString).lastPathComponent } ?? "player" }

    static let windowCandidates = ["mpv", "ffplay", "xdg-open"]

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalPlayer? {
        if let named = environment["BLENDSCOPE_PLAYER"], !named.trimmingCharacters(in: .whitespaces).isEmpty {
            return ExternalPlayer(arguments: named.split(separator: " ").map(String.init), placement: .terminal)
        }
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        func executable(_ name: String) -> String? {
            directories.lazy.map { ($0 as NSString).appendingPathComponent(name) }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if hasDisplay(environment) {
            return windowCandidates.lazy.compactMap(executable).first.map { ExternalPlayer(arguments: [$0], placement: .window) }
        }
        return executable("mpv").map { ExternalPlayer(arguments: [$0, "--vo=tct"], placement: .terminal) }
    }

    /// Whether a player can open a window here (an X or Wayland display).
    static func hasDisplay(_ environment: [String: String]) -> Bool {
        ["DISPLAY", "WAYLAND_DISPLAY"].contains { !(environment[$0] ?? "").isEmpty }
    }

    /// What the workbench says when no player fits this session.
    static func missingAdvice(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        hasDisplay(environment)
            ? "no player: set $BLENDSCOPE_PLAYER, or install mpv, ffplay or xdg-open"
            : "no player for a terminal without a display: set $BLENDSCOPE_PLAYER, or install mpv"
    }

    /// Starts the player on `file`: in its window without waiting, or on the terminal (the
    /// workbench suspended) until it exits.
    func open(_ file: String) -> Effect<WorkbenchAction> {
        let arguments = self.arguments
        let name = self.name
        switch placement {
        case .window:
            return .task {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments + [file]
                process.standardInput = FileHandle.nullDevice
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                do {
                    try process.run()
                    return nil
                } catch {
                    return .app(.showToast("could not start \(arguments.joined(separator: " ")): \(error.localizedDescription)", .error))
                }
            }
        case .terminal:
            return .foreground {
                let status = Self.runOnTerminal(arguments + [file])
                return .app(Self.toast(after: status, name: name, command: arguments.joined(separator: " ")))
            }
        }
    }

    /// The wait status of `words` run on the terminal, or nil (errno) when it did not start.
    private static func runOnTerminal(_ words: [String]) -> Int32? {
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        let status = argv.withUnsafeBufferPointer { bs_run_in_foreground($0.baseAddress) }
        return status < 0 ? nil : status
    }

    /// One line on how the player ended (the wait status decoded as `WIFEXITED` & co. would).
    static func toast(after status: Int32?, name: String, command: String) -> AppAction {
        guard let status else {
            return .showToast("could not start \(command): \(String(cString: strerror(errno)))", .error)
        }
        let signal = status & 0x7f
        let code = (status >> 8) & 0xff
        if signal != 0 { return .showToast("\(name) ended by signal \(signal)", .warning) }
        if code == 127 { return .showToast("could not start \(command): not found", .error) }
        if code != 0 { return .showToast("\(name) ended with status \(code)", .warning) }
        return .showToast("back from \(name)", .info)
    }
}
