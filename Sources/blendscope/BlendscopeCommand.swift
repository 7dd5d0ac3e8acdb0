import ArgumentParser

struct BlendscopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "blendscope",
        abstract: "A terminal workbench for error analysis of blended-emotion recognition (BLEMORE).",
        subcommands: [])
}
