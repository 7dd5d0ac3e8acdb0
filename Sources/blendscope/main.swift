import ArgumentParser
import BlendApp
import Foundation

// `blendscope --help` (or `-h`) alone prints the root's help at once. ArgumentParser reaches the
// same text the long way — a parse that first looks for a completion-script request, a thrown
// help request, and the help rendered twice (for the exit code, then for the message) — which
// was most of the command's time once the binary loads fast (issue 16). Same bytes, same exit.
if CommandLine.arguments.count == 2, ["--help", "-h"].contains(CommandLine.arguments[1]) {
    Output.line(BlendscopeCommand.helpMessage())
    exit(0)
}

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
