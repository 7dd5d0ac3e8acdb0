import ArgumentParser
import BlendApp
import BlendCore

struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Show a saved fusion's weights, or set some by hand (renormalised, re-scored, saved).",
        discussion: HelpText.reflow("""
            blendscope weights demo.sqlite greedy-12
            blendscope weights demo.sqlite greedy-12 --set face=0.2,voice=0
            The given weights replace those of their encoders (an encoder not yet in the fusion
            joins it), then all are scaled to sum to 1. α/β are chosen again on the training
            folds; the honest Score nests that choice (the weights are yours).
            """))

    @OptionGroup var target: ProjectOptions

    @Argument(help: "The saved fusion.")
    var name: String

    @Option(help: "Weights to set, e.g. face=0.2,voice=0.5.")
    var set: String?

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let fusion: String
        let method: String
        let changed: Bool
        let weights: [FusionWeight]
        let previousWeights: [FusionWeight]?
        /// Training clips pooled at the thresholds the fusion had before.
        let atPreviousThresholds: Metrics
        let previousThresholds: Thresholds
        let thresholds: Thresholds
        let inSample: FoldMean
        let honest: FoldMean
        let previousInSample: FoldMean
        let previousHonest: FoldMean
        let test: Metrics?
        let renormalisedClips: Int
        let droppedClips: Int
        /// Training clips at the saved α/β, actors resampled (weights as now).
        let atPreviousThresholdsCi: CIView?
        /// The fusion's stored honest Score as saved, with its `ci` or why it has none.
        let savedHonest: SavedHonestView
    }

    /// `{"score", "ci": {…}}`, or `{"score", "ci": null, "ci_unavailable": "why"}`.
    struct SavedHonestView: Encodable {
        let score: Double?
        let pooled: MetricsView?
        let ci: CIView?
        let ciUnavailable: String?

        init(_ s: SavedHonestScore) {
            score = s.score
            pooled = s.pooled.map { MetricsView($0) }
            ci = s.intervals.map { CIView($0) }
            ciUnavailable = s.unavailable
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(score, forKey: .score)
            try c.encodeIfPresent(pooled, forKey: .pooled)
            // `ci` is always there (null without one), so a reader need not guess.
            try c.encode(ci, forKey: .ci)
            try c.encodeIfPresent(ciUnavailable, forKey: .ciUnavailable)
        }

        enum CodingKeys: String, CodingKey { case score, pooled, ci, ciUnavailable }
    }

    func run() throws {
        // Bad input is refused before anything is read or written: it changes nothing.
        let edit = try target.session().editWeights(of: name, set: set, settings: uncertainty.settings)
        let (fusion, inputs, before, after) = (edit.fusion, edit.inputs, edit.before, edit.after)
        let (intervals, previousCI) = (edit.intervals, edit.atPreviousThresholds)

        let report = Report(
            fusion: fusion.spec.name, method: edit.changed ? "manual" : fusion.spec.method, changed: edit.changed,
            weights: zip(after.encoders, after.weights).map { FusionWeight(encoder: $0, weight: $1) },
            previousWeights: edit.changed ? fusion.spec.weights : nil,
            atPreviousThresholds: FixedWeightsReport.pooled(inputs, weights: after.weights, at: fusion.spec.thresholds),
            previousThresholds: fusion.spec.thresholds, thresholds: after.thresholds,
            inSample: after.assessment.inSample, honest: after.assessment.honest,
            previousInSample: before.assessment.inSample, previousHonest: before.assessment.honest,
            test: after.test, renormalisedClips: after.renormalisedClips, droppedClips: after.droppedClips,
            atPreviousThresholdsCi: previousCI.map { CIView($0) }, savedHonest: SavedHonestView(edit.savedHonest))
        if output.json { return try Output.json(Flat(report, FusionIntervalsView(intervals, unlabelled: edit.unlabelled))) }
        print(report, before: before, intervals: intervals, previousCI: previousCI, unlabelled: edit.unlabelled)
        Self.printSaved(edit.savedHonest, changed: edit.changed)
    }

    /// `saved honest Score .310 [.281, .342] (weights and α/β chosen on the other folds, 43 actors)`,
    /// or the Score with `—` and why it has no interval.
    static func printSaved(_ s: SavedHonestScore, changed: Bool) {
        guard let score = s.score else { return }
        let label = changed ? "before this edit, saved honest Score " : "saved honest Score "
        if let ci = s.intervals {
            Output.line(label + Output.rateCI(score, ci.score) + " (weights and α/β chosen on the other folds; "
                        + Output.intervalNote(ci) + ")")
        } else {
            Output.line(label + Output.rate(score) + " — no interval: " + (s.unavailable ?? "not computed"))
        }
    }

    private func print(_ r: Report, before: FixedWeightsReport, intervals ci: FusionIntervals?, previousCI: MetricIntervals?,
                       unlabelled: Int) {
        Output.line("fusion \(r.fusion) · \(r.method)" + (r.changed ? " · weights set by hand, renormalised and saved" : ""))
        if r.changed {
            let rows = r.weights.enumerated().map { i, w in [w.encoder, Output.rate(before.weights[i]), Output.rate(w.weight)] }
            Output.line(Output.table(["encoder", "before", "now"], rows, rightAligned: [1, 2]))
        } else {
            Output.line(Output.table(["encoder", "weight"], r.weights.map { [$0.encoder, Output.rate($0.weight)] }, rightAligned: [1]))
        }
        Output.line()
        let p = r.atPreviousThresholds
        Output.line("at the saved α \(Output.threshold(r.previousThresholds.alpha)) β \(Output.threshold(r.previousThresholds.beta)) "
                    + "(training clips pooled): " + Output.metricsCI(p, previousCI))
        Output.line("best α \(Output.threshold(r.thresholds.alpha)) β \(Output.threshold(r.thresholds.beta)) on the training folds:")
        var table = [["in-sample", Output.rateCI(r.inSample.accPresence, ci?.inSample.accPresence),
                      Output.rateCI(r.inSample.accSalience, ci?.inSample.accSalience), Output.rateCI(r.inSample.score, ci?.inSample.score)],
                     ["honest (α/β nested)", Output.rateCI(r.honest.accPresence, ci?.honest.accPresence),
                      Output.rateCI(r.honest.accSalience, ci?.honest.accSalience), Output.rateCI(r.honest.score, ci?.honest.score)]]
        if r.changed {
            table.append(["before: in-sample", "", "", Output.rate(r.previousInSample.score)])
            table.append(["before: honest", "", "", Output.rate(r.previousHonest.score)])
        }
        Output.line(Output.table(["Score (mean over folds)", "ACC_P", "ACC_S", "Score"], table, rightAligned: [1, 2, 3]))
        if let ci { Output.line(Output.fusionIntervalNote(ci)) }
        if let t = r.test { Output.line("test split: " + Output.metricsCI(t, ci?.test)) }
        Output.unlabelledNote(unlabelled)
        if r.renormalisedClips > 0 || r.droppedClips > 0 {
            Output.line("\(r.renormalisedClips) clips renormalised over the encoders they have; \(r.droppedClips) left out")
        }
    }
}
