import ArgumentParser
import BlendApp
import Foundation

// ArgumentParser's `main()`, except that messages are escaped for the terminal: errors quote
// clip names and paths from the user's files.
do {
    var command = try BlendscopeCommand.parseAsRoot()
    try command.run()
} catch {
    // The use cases' refusals that are usage errors keep the verb's usage and exit 64.
    let error: any Error = (error as? AppError).flatMap { $0.isUsage ? ValidationError($0.description) : nil } ?? error
    let code = BlendscopeCommand.exitCode(for: error)
    let text = BlendscopeCommand.fullMessage(for: error)
    if !text.isEmpty {
        if code == .success { Output.line(text) } else { Output.errorText(text) }
    }
    exit(code.rawValue)
}
