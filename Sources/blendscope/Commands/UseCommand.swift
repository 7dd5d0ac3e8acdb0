import ArgumentParser
import BlendApp
import BlendCore

struct UseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "use",
        abstract: "Set the project's current source (what eval and the TUI open on) and the thresholds it keeps.",
        discussion: HelpText.reflow("""
            blendscope use demo.sqlite --encoder HiCMAE --alpha 0.1 --beta 0.2
            blendscope use demo.sqlite --encoder HiCMAE          (stores its best on train if it keeps none)
            blendscope use demo.sqlite --encoder HiCMAE --at best (stores its best on train again)
            blendscope use demo.sqlite --fusion greedy-12        (keeps the fusion's saved α and β)
            Each source keeps its own thresholds; no verb decodes one source at another's.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Presence threshold α, in [0, 1].")
    var alpha: Double?

    @Option(help: "Salience threshold β, in [0, 1].")
    var beta: Double?

    @Option(help: "Store the source's own best on train (best) or keep what it keeps (stored).")
    var at: ThresholdBasis?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
        if source.encoder == nil && source.fusion == nil && alpha == nil && beta == nil && at == nil {
            throw ValidationError("give --encoder or --fusion, and/or --alpha/--beta or --at")
        }
    }

    struct Report: Encodable {
        let source: String
        let alpha: Double
        let beta: Double
        /// `given`, `stored`, `best on train`, `partly given`.
        let thresholdsFrom: String

        enum CodingKeys: String, CodingKey {
            case source, alpha, beta
            case thresholdsFrom = "thresholds_from"
        }
    }

    func run() throws {
        let session = try target.session()
        let t = try session.use(TargetRequest(encoder: source.encoder, fusion: source.fusion, alpha: alpha, beta: beta, at: at))
        if output.json {
            return try Output.json(Report(source: t.source.description, alpha: t.thresholds.alpha, beta: t.thresholds.beta,
                                          thresholdsFrom: t.thresholdOrigin.label))
        }
        Output.line("current: \(t.source)  α \(Output.threshold(t.thresholds.alpha))  β \(Output.threshold(t.thresholds.beta)) · \(t.thresholdOrigin == .stored ? "stored" : "\(t.thresholdOrigin.label), now stored")")
    }
}
