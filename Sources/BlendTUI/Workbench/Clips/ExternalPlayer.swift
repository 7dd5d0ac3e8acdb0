import Foundation

/// The program `O` opens a clip in: `$BLENDSCOPE_PLAYER`, else the first of mpv, ffplay and
/// xdg-open found on `$PATH`. It is started on its own (its input and output away from the
/// workbench's terminal), so the screen stays as it is while the clip plays in its window.
struct ExternalPlayer: Sendable, Equatable {
    /// The executable and the words before the file (`$BLENDSCOPE_PLAYER` may hold options).
    var arguments: [String]
    var name: String { arguments.first.map { ($0 as NSString).lastPathComponent } ?? "player" }

    static let candidates = ["mpv", "ffplay", "xdg-open"]

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> ExternalPlayer? {
        if let named = environment["BLENDSCOPE_PLAYER"], !named.trimmingCharacters(in: .whitespaces).isEmpty {
            return ExternalPlayer(arguments: named.split(separator: " ").map(String.init))
        }
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for candidate in candidates {
            for directory in directories {
                let path = (directory as NSString).appendingPathComponent(candidate)
                if FileManager.default.isExecutableFile(atPath: path) { return ExternalPlayer(arguments: [path]) }
            }
        }
        return nil
    }

    /// Starts the player on `file` and does not wait for it.
    func open(_ file: String) -> Effect<WorkbenchAction> {
        let arguments = self.arguments
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
    }
}
