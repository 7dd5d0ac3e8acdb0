import BlendApp
import TOMLKit

/// A TOML file's parsed table with the locator that points its problems at lines. Theme and
/// key-map files both start here, so a syntax error reads the same in either.
struct LocatedTOML {
    let document: TOMLTable
    let locator: TOMLKeyLocator

    /// Parses `source`; a syntax error throws one problem naming `file` and the line.
    init(_ source: String, file: String) throws {
        do {
            document = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw InputProblems([InputError(file: file, line: error.source.begin.line, "TOML syntax: \(error.description)")])
        }
        locator = TOMLKeyLocator(source: source)
    }
}
