import BlendApp
import BlendCore
import Foundation
import TOMLKit

/// Reads themes: the four built in (copies of `Themes/*.toml`), user themes in
/// `~/.config/blendscope/themes/`, or a file by path. Problems come back as `InputProblems`
/// naming the file, line and key.
public enum ThemeLoader {
    /// The theme used when none is asked for.
    public static let defaultName = "dark"

    /// Names of the built-in themes.
    public static var builtinNames: [String] { BuiltinThemes.sources.map(\.name) }

    /// The built-in default theme.
    ///
    /// - Throws: the parse error of the compiled-in source (the tests parse every built-in
    ///   theme, so a release never meets it).
    public static func defaultTheme() throws -> Theme {
        guard let theme = try builtin(defaultName) else {
            throw InputProblems([InputError(file: "Themes/\(defaultName).toml", "the built-in default theme is missing")])
        }
        return theme
    }

    /// A built-in theme by name, or nil if there is none of that name.
    public static func builtin(_ name: String) throws -> Theme? {
        guard let entry = BuiltinThemes.sources.first(where: { $0.name == name }) else { return nil }
        return try parse(entry.source, file: "Themes/\(name).toml")
    }

    /// Finds a theme by `--theme` argument: a path (contains `/` or ends in `.toml`), a
    /// theme in `userDirectory` (`NAME.toml`, which may shadow a built-in one), or a built-in name.
    public static func load(_ nameOrPath: String, userDirectory: String? = defaultUserDirectory) throws -> Theme {
        if nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml") {
            return try parse(contentsOf: nameOrPath)
        }
        if let userDirectory {
            let path = (userDirectory as NSString).appendingPathComponent("\(nameOrPath).toml")
            if FileManager.default.fileExists(atPath: path) { return try parse(contentsOf: path) }
        }
        if let theme = try builtin(nameOrPath) { return theme }
        let known = builtinNames.joined(separator: ", ")
        throw InputProblems([InputError(file: nameOrPath, "no such theme (built in: \(known); or give a path to a .toml file)")])
    }

    /// `~/.config/blendscope/themes` (honouring `XDG_CONFIG_HOME`).
    public static var defaultUserDirectory: String? {
        ConfigPaths.directory.map { ($0 as NSString).appendingPathComponent("themes") }
    }

    /// Reads and parses a theme file.
    public static func parse(contentsOf path: String) throws -> Theme {
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputProblems([InputError(file: path, "cannot read the theme file (\(error.localizedDescription))")])
        }
        return try parse(source, file: path)
    }

    /// Parses theme TOML; `file` is only used to name the file in problems.
    public static func parse(_ source: String, file: String) throws -> Theme {
        let toml = try LocatedTOML(source, file: file)
        let document = toml.document, locator = toml.locator
        var problems: [InputError] = []
        func problem(_ key: String, _ message: String) {
            problems.append(InputError(file: file, line: locator.line(of: key), message))
        }
        func colour(_ key: String, _ value: TOMLValueConvertible) -> ThemeColor? {
            guard let text = value.string else {
                problem(key, "\(key) must be a string colour such as \"#5fafef\"")
                return nil
            }
            guard let parsed = ThemeColor(text) else {
                problem(key, "\(key) = \"\(text)\" is not a colour (use \"#rrggbb\", an ANSI name such as \"bright-blue\", or \"default\")")
                return nil
            }
            return parsed
        }
        // One line for all the keys a table lacks.
        func missing(_ table: String, _ keys: [String]) {
            guard !keys.isEmpty else { return }
            let names = keys.map { "\(table).\($0)" }.joined(separator: ", ")
            problem(table, keys.count == 1 ? "missing key \(names)" : "missing keys \(names)")
        }
        func table(_ key: String) -> TOMLTable? {
            guard let value = document[key] else {
                problem(key, "missing table [\(key)]")
                return nil
            }
            guard let table = value.table else {
                problem(key, "\(key) must be a table: [\(key)]")
                return nil
            }
            return table
        }

        for key in document.keys where !["name", "colors", "emotions", "heatmap"].contains(key) {
            problem(key, "unknown key \"\(key)\" (a theme has name, [colors], [emotions], [heatmap])")
        }
        var name = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        if let value = document["name"] {
            if let text = value.string { name = text } else { problem("name", "name must be a string") }
        }

        var roles: [Color: ThemeColor] = [:]
        if let colors = table("colors") {
            for key in colors.keys {
                guard let role = ThemeRoles.color(forKey: key) else {
                    let known = ThemeRoles.keys.joined(separator: ", ")
                    problem("colors.\(key)", "unknown key colors.\(key) (known: \(known))")
                    continue
                }
                roles[role] = colors[key].flatMap { colour("colors.\(key)", $0) }
            }
            missing("colors", ThemeRoles.keys.filter { colors[$0] == nil })
        }

        var emotions: [Emotion: ThemeColor] = [:]
        if let table = table("emotions") {
            for key in table.keys {
                guard let emotion = Emotion(code: key) else {
                    problem("emotions.\(key)", "unknown key emotions.\(key) (known: ang, disg, fea, hap, sad, neu)")
                    continue
                }
                emotions[emotion] = table[key].flatMap { colour("emotions.\(key)", $0) }
            }
            missing("emotions", Emotion.allCases.map(\.code).filter { table[$0] == nil })
        }

        var ramp: [ThemeColor] = []
        if let heatmap = table("heatmap") {
            for key in heatmap.keys where key != "ramp" {
                problem("heatmap.\(key)", "unknown key heatmap.\(key) (a heatmap has ramp)")
            }
            if let value = heatmap["ramp"] {
                if let array = value.array {
                    for element in array {
                        if let stop = colour("heatmap.ramp", element) { ramp.append(stop) }
                    }
                    if array.count < 2 { problem("heatmap.ramp", "heatmap.ramp needs at least two colours") }
                } else {
                    problem("heatmap.ramp", "heatmap.ramp must be an array of colours")
                }
            } else {
                problem("heatmap", "missing key heatmap.ramp")
            }
        }

        guard problems.isEmpty else { throw InputProblems(problems) }
        return Theme(name: name, roles: roles, emotions: emotions, ramp: ramp)
    }
}
