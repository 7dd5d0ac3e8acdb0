import ArgumentParser
import BlendApp
import BlendCore

struct UseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Set the project's current source and thresholds (what eval and the TUI open on).",
        discussion: """
            blendscope use demo.sqlite --encoder HiCMAE --alpha 0.1 --beta 0.2
            blendscope use demo.sqlite --fusion greedy-12     (takes the fusion's saved α and β)
            """)

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Presence threshold α, in [0, 1].")
    var alpha: Double?

    @Option(help: "Salience threshold β, in [0, 1].")
    var beta: Double?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
        if source.encoder == nil && source.fusion == nil && alpha == nil && beta == nil {
            throw ValidationError("give --encoder or --fusion, and/or --alpha/--beta")
        }
    }

    struct Report: Encodable {
        let source: String?
        let alpha: Double
        let beta: Double
    }

    func run() throws {
        let session = try target.session()
        // A fusion carries the thresholds it was chosen with; they apply unless overridden.
        let s = try session.use(TargetRequest(encoder: source.encoder, fusion: source.fusion, alpha: alpha, beta: beta))
        if output.json {
            return try Output.json(Report(source: s.currentSource?.description, alpha: s.thresholds.alpha, beta: s.thresholds.beta))
        }
        Output.line("current: \(s.currentSource?.description ?? "no source")  α \(Output.threshold(s.thresholds.alpha))  β \(Output.threshold(s.thresholds.beta))")
    }
}
