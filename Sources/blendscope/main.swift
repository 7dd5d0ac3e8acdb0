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

/// Prints what `error` means (`Refusal`) and exits with its code.
func refuse(_ error: any Error, verb: (any ParsableCommand.Type)?) -> Never {
    let (text, code) = Refusal.report(error, verb: verb)
    if !text.isEmpty {
        if code == .success { Output.line(text) } else { Output.errorText(text) }
    }
    exit(code.rawValue)
}

// The verbs scripts loop over are parsed on their own: the root's parse builds the tree of every
// verb (and looks for completion-script and help requests through it), a third of `eval`'s
// whole-process time (issue 16). Only a clean parse is kept; help requests and anything the
// verb's own parser refuses go to the full parse below, which words them as always.
let quickVerbs: [String: any ParsableCommand.Type] = [
    "eval": EvalCommand.self, "sweep": SweepCommand.self, "confusion": ConfusionCommand.self,
    "folds": FoldsCommand.self, "actors": ActorsCommand.self, "durations": DurationsCommand.self,
]
let words = CommandLine.arguments.dropFirst()
if let first = words.first, let quick = quickVerbs[first],
   !words.contains(where: { $0 == "-h" || $0 == "--help" || $0 == "help" || $0.hasPrefix("--help") || $0.hasPrefix("--generate")
       || $0.hasPrefix("--experimental") || $0 == "--version" }),
   var command = try? quick.parseAsRoot(Array(words.dropFirst())) {
    do {
        try command.run()
    } catch {
        refuse(error, verb: quick)
    }
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
    refuse(error, verb: verb)
}
