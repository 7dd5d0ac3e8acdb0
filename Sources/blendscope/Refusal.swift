import ArgumentParser
import BlendApp

/// What a verb that stopped with an error prints, and its exit status (issue 14): a refusal
/// prints its one message; only a usage error (an option missing, out of range or in the wrong
/// combination) adds the usage of the verb it belongs to and exits 64. ArgumentParser's own
/// handling of an error thrown by `run()` would show the root command's generic usage.
enum Refusal {
    static func report(_ error: any Error, verb: (any ParsableCommand.Type)?) -> (text: String, code: ExitCode) {
        guard let verb, let message = usageMessage(error) else {
            return (BlendscopeCommand.fullMessage(for: error), BlendscopeCommand.exitCode(for: error))
        }
        let usage = BlendscopeCommand.usageString(for: verb)
        // `blendscope media probe <file> …` → `blendscope media probe`.
        let name = usage.split(separator: " ").prefix { $0.first?.isLetter == true }.dropFirst().joined(separator: " ")
        return ("Error: \(message)\nUsage: \(usage)\n  See 'blendscope help \(name)' for more information.",
                .validationFailure)
    }

    /// The message of a usage error thrown while the verb ran, nil for any other refusal.
    private static func usageMessage(_ error: any Error) -> String? {
        if let error = error as? ValidationError { return error.message }
        if let error = error as? AppError, error.isUsage { return error.description }
        return nil
    }
}
