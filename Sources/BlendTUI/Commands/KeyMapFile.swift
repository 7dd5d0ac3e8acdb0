import BlendApp
import BlendCore
import Foundation
import TOMLKit

/// A user's key overrides, from `~/.config/blendscope/keys.toml` or `--keys FILE`:
///
///     [keys]
///     "app.quit" = ["q", "ctrl+q"]
///     "clips.search" = "/"
///     "thresholds.apply" = []        # unbinds
///
/// Command ids may also be written as tables (`[keys.clips]` then `search = "/"`).
public enum KeyMapFile {
    /// `keys.toml` in the user's config directory.
    public static var defaultPath: String? {
        ConfigPaths.directory.map { ($0 as NSString).appendingPathComponent("keys.toml") }
    }

    /// Applies the file at `path` to `registry`. A missing default file is no error; a
    /// missing `--keys` file is.
    public static func apply<Context>(fileAt path: String, to registry: inout CommandRegistry<Context>,
                                      mustExist: Bool) throws {
        guard FileManager.default.fileExists(atPath: path) else {
            if mustExist { throw InputProblems([InputError(file: path, "no such key map file")]) }
            return
        }
        let source: String
        do {
            source = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw InputProblems([InputError(file: path, "cannot read the key map (\(error.localizedDescription))")])
        }
        try apply(source, file: path, to: &registry)
    }

    /// Parses `source` and rebinds `registry`. Unknown command ids, keys that are not keys,
    /// values of the wrong type and keys bound twice in one scope are all reported together,
    /// each with its line; nothing is applied unless everything is right.
    public static func apply<Context>(_ source: String, file: String, to registry: inout CommandRegistry<Context>) throws {
        let toml = try LocatedTOML(source, file: file)
        let document = toml.document, locator = toml.locator
        var problems: [InputError] = []
        for key in document.keys where key != "keys" {
            problems.append(InputError(file: file, line: locator.line(of: key),
                                       "unknown key \"\(key)\" (overrides go in a [keys] table)"))
        }
        var overrides: [CommandID: [KeyChord]] = [:]
        var lines: [CommandID: Int] = [:]
        if let value = document["keys"] {
            if let table = value.table {
                for (path, value) in flatten(table, prefix: []) {
                    let id = CommandID(path.joined(separator: "."))
                    let located = (["keys"] + path).joined(separator: ".")
                    let line = locator.line(of: located)
                    guard registry.command(id) != nil else {
                        problems.append(InputError(file: file, line: line, unknownCommand(id, registry: registry)))
                        continue
                    }
                    let texts: [String]?
                    if let text = value.string {
                        texts = [text]
                    } else if let array = value.array {
                        let strings = array.compactMap { $0.string }
                        texts = strings.count == array.count ? strings : nil
                    } else {
                        texts = nil
                    }
                    guard let texts else {
                        problems.append(InputError(file: file, line: line,
                                                   "\(id) must be a key (\"ctrl+s\") or a list of keys ([\"s\", \"ctrl+s\"])"))
                        continue
                    }
                    var chords: [KeyChord] = []
                    for text in texts {
                        if let chord = KeyChord(parsing: text) {
                            chords.append(chord)
                        } else {
                            problems.append(InputError(file: file, line: line,
                                                       "\(id): \"\(text)\" is not a key (examples: q, G, ctrl+s, alt+x, shift+tab, pgdn, f5, space)"))
                        }
                    }
                    // A half-understood entry keeps the defaults, so conflicts are judged
                    // against what the user will really get once the entry is fixed.
                    guard chords.count == texts.count else { continue }
                    overrides[id] = chords
                    lines[id] = line
                }
            } else {
                problems.append(InputError(file: file, line: locator.line(of: "keys"), "keys must be a table: [keys]"))
            }
        }
        var candidate = registry
        candidate.rebind(overrides)
        for conflict in candidate.conflicts() {
            let line = conflict.commands.compactMap { lines[$0] }.max()
            problems.append(InputError(file: file, line: line, conflict.description))
        }
        guard problems.isEmpty else { throw InputProblems(problems) }
        registry = candidate
    }

    /// `[keys.clips] search = "/"` and `"clips.search" = "/"` both become `clips.search`.
    private static func flatten(_ table: TOMLTable, prefix: [String]) -> [([String], TOMLValueConvertible)] {
        var result: [([String], TOMLValueConvertible)] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            if let nested = value.table {
                result += flatten(nested, prefix: prefix + [key])
            } else {
                result.append((prefix + [key], value))
            }
        }
        return result
    }

    private static func unknownCommand<Context>(_ id: CommandID, registry: CommandRegistry<Context>) -> String {
        if let closest = NameSuggestions.likelyMeant(id.rawValue, among: registry.commands.map(\.id.rawValue)) {
            return "unknown command \"\(id)\" (did you mean \(closest)?)"
        }
        return "unknown command \"\(id)\" (the help overlay, ?, lists every command; ids look like clips.search)"
    }
}
