import BlendApp
import Foundation

/// The workbench's settings file, `config.toml` in the user's config directory:
///
///     [video]
///     graphics = "kitty"     # kitty, sixel, iterm, cells (sextants), half, quad, sextant, octant
///
/// A missing file is no error; a wrong value is reported with its file and line, like the key map.
public struct WorkbenchConfig: Sendable, Equatable {
    /// `video.graphics`: how the clip's picture is drawn; nil detects it.
    public var graphics: VideoGraphics?

    public init(graphics: VideoGraphics? = nil) {
        self.graphics = graphics
    }

    public static var defaultPath: String? {
        ConfigPaths.directory.map { ($0 as NSString).appendingPathComponent("config.toml") }
    }

    /// The default file's settings (none when it does not exist).
    public static func load(path: String? = defaultPath) throws -> WorkbenchConfig {
        guard let path, FileManager.default.fileExists(atPath: path) else { return WorkbenchConfig() }
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputProblems([InputError(file: path, "cannot read the settings (\(error.localizedDescription))")])
        }
        return try parse(source, file: path)
    }

    public static func parse(_ source: String, file: String) throws -> WorkbenchConfig {
        let toml = try LocatedTOML(source, file: file)
        let document = toml.document, locator = toml.locator
        var problems: [InputError] = []
        var config = WorkbenchConfig()
        for key in document.keys where key != "video" {
            problems.append(InputError(file: file, line: locator.line(of: key), "unknown setting \"\(key)\" (known: video)"))
        }
        if let video = document["video"]?.table {
            for key in video.keys where key != "graphics" {
                problems.append(InputError(file: file, line: locator.line(of: "video.\(key)"),
                                           "unknown setting \"video.\(key)\" (known: video.graphics)"))
            }
            if let value = video["graphics"] {
                if let name = value.string, let graphics = VideoGraphics(name: name) {
                    config.graphics = graphics
                } else {
                    problems.append(InputError(file: file, line: locator.line(of: "video.graphics"),
                                               "video.graphics must be one of \(VideoGraphics.names.joined(separator: ", "))"))
                }
            }
        } else if document["video"] != nil {
            problems.append(InputError(file: file, line: locator.line(of: "video"), "video must be a table ([video])"))
        }
        if !problems.isEmpty { throw InputProblems(problems) }
        return config
    }
}
