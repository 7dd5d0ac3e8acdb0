import ArgumentParser
import BlendCore
import BlendStore

struct WeightsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weights",
        abstract: "Show a saved fusion's weights, or set some by hand (renormalised, re-scored, saved).",
        discussion: """
            blendscope weights demo.sqlite greedy-12
            blendscope weights demo.sqlite greedy-12 --set face=0.2,voice=0
            The given weights replace those of their encoders (an encoder not yet in the fusion
            joins it), then all are scaled to sum to 1. α/β are chosen again on the training
            folds; the honest Score nests that choice (the weights are yours).
            """)

    @OptionGroup var target: ProjectOptions

    @Argument(help: "The saved fusion.")
    var name: String

    @Option(help: "Weights to set, e.g. face=0.2,voice=0.5.")
    var set: String?

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
    }

    func run() throws {
        let store = try target.open()
        let fusion = try store.fusion(named: name)
        let current = fusion.spec.weights.map { (encoder: $0.encoder, weight: $0.weight) }
        // Parse and apply before anything is read or written: bad input changes nothing.
        let edits = try set.map(FusionWeightEdit.parse)
        let updated = try edits.map { try FusionWeightEdit.apply($0, to: current) } ?? current
        let inputs = try store.fusionInputs(encoders: updated.map(\.encoder))
        let before = try FixedWeightsReport(inputs, weights: updated.map { u in current.first { $0.encoder == u.encoder }?.weight ?? 0 })
        let after = edits == nil ? before : try FixedWeightsReport(inputs, weights: updated.map(\.weight))
        if edits != nil { try store.saveEditedFusion(named: fusion.spec.name, edit: after, previous: fusion) }

        let report = Report(
            fusion: fusion.spec.name, method: edits == nil ? fusion.spec.method : "manual", changed: edits != nil,
            weights: zip(after.encoders, after.weights).map { FusionWeight(encoder: $0, weight: $1) },
            previousWeights: edits == nil ? nil : fusion.spec.weights,
            atPreviousThresholds: FixedWeightsReport.pooled(inputs, weights: after.weights, at: fusion.spec.thresholds),
            previousThresholds: fusion.spec.thresholds, thresholds: after.thresholds,
            inSample: after.assessment.inSample, honest: after.assessment.honest,
            previousInSample: before.assessment.inSample, previousHonest: before.assessment.honest,
            test: after.test, renormalisedClips: after.renormalisedClips, droppedClips: after.droppedClips)
        if output.json { return try Output.json(report) }
        print(report, before: before)
    }

    private func print(_ r: Report, before: FixedWeightsReport) {
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
                    + "(training clips pooled): ACC_P \(Output.rate(p.accPresence))  ACC_S \(Output.rate(p.accSalience))  Score \(Output.rate(p.score))")
        Output.line("best α \(Output.threshold(r.thresholds.alpha)) β \(Output.threshold(r.thresholds.beta)) on the training folds:")
        var table = [["in-sample", Output.rate(r.inSample.accPresence), Output.rate(r.inSample.accSalience), Output.rate(r.inSample.score)],
                     ["honest (α/β nested)", Output.rate(r.honest.accPresence), Output.rate(r.honest.accSalience), Output.rate(r.honest.score)]]
        if r.changed {
            table.append(["before: in-sample", "", "", Output.rate(r.previousInSample.score)])
            table.append(["before: honest", "", "", Output.rate(r.previousHonest.score)])
        }
        Output.line(Output.table(["Score (mean over folds)", "ACC_P", "ACC_S", "Score"], table, rightAligned: [1, 2, 3]))
        if let t = r.test {
            Output.line("test split: ACC_P \(Output.rate(t.accPresence))  ACC_S \(Output.rate(t.accSalience))  Score \(Output.rate(t.score))")
        }
        if r.renormalisedClips > 0 || r.droppedClips > 0 {
            Output.line("\(r.renormalisedClips) clips renormalised over the encoders they have; \(r.droppedClips) left out")
        }
    }
}
