import ArgumentParser
import BlendApp
import BlendCore

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "ACC_P, ACC_S and Score of an encoder or fusion at given thresholds.",
        discussion: HelpText.reflow("""
            blendscope eval demo.sqlite --encoder HiCMAE --alpha 0.1 --beta 0.2 --fold 2
            Without --alpha/--beta the source's own thresholds apply (the ones it keeps, else its best
            on the training split; --at stored|best picks one); without --encoder/--fusion the
            project's current source. By default every clip with a prediction from the source counts.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @OptionGroup var thresholds: ThresholdOptions

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    struct Header: Encodable {
        let source: String
        let scope: String
        /// Unlabelled test clips the scope held and left out (absent when none).
        let unlabelled: Int?
        /// Where the thresholds came from: `given`, `stored`, `best on train`, `partly given`.
        var thresholdsFrom: String? = nil
    }

    /// `{"source": …, "scope": …, "alpha": …, "score": …}` (also `open`'s current source).
    typealias Report = Flat<Header, CellView>
    /// The same with `"ci": {…}` beside the point values.
    typealias IntervalReport = Flat<Report, CIField>

    func run() throws {
        let session = try target.session()
        let analysis = try thresholds.target(source, in: session)
        let e = try session.evaluate(analysis, in: scope.selection, settings: uncertainty.settings)
        let (ref, t, left, m, ci) = (analysis.source, analysis.thresholds, e.unlabelled, e.metrics, e.intervals)
        let header = Header(source: ref.description, scope: scope.description, unlabelled: Output.unlabelledField(left),
                            thresholdsFrom: analysis.thresholdOrigin.label)
        let report = IntervalReport(Report(header, CellView(t, m)), CIField(ci: CIView(ci)))
        if output.json { return try Output.json(report) }
        Output.line("\(ref) · \(scope.description) · \(m.clips) clips, \(m.blends) blends, \(ci.units) actors")
        Output.line("α \(Output.threshold(t.alpha))  β \(Output.threshold(t.beta)) · \(analysis.thresholdOrigin.label)   ACC_P \(Output.rateCI(m.accPresence, ci.accPresence))  ACC_S \(Output.rateCI(m.accSalience, ci.accSalience))  Score \(Output.rateCI(m.score, ci.score))")
        Output.line(Output.intervalNote(ci))
        Output.unlabelledNote(left)
    }
}
