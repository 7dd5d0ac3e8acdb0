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
// A refusal prints its one message; a usage error also the usage of its verb (`Refusal`).
var verb: (any ParsableCommand.Type)?
do {
    var command = try BlendscopeCommand.parseAsRoot()
    verb = type(of: command)
    try command.run()
} catch {
    let (text, code) = Refusal.report(error, verb: verb)
    if !text.isEmpty {
        if code == .success { Output.line(text) } else { Output.errorText(text) }
    }
    exit(code.rawValue)
}
