import BlendCore

/// A fusion report as text: the headline Scores, in-sample beside honest, then per encoder,
/// then the path the optimiser took.
enum FuseReportText {
    static func print(_ r: FusionReport, inputs: FusionInputs, intervals ci: FusionIntervals?, unlabelled: Int, shares: [FuseCommand.GroupShare],
                      saved: String?, job: Int64) {
        let training = inputs.clips.count { $0.fold != nil }
        let test = inputs.clips.count { $0.split == .test }
        Output.line("fuse · \(methodText(r.settings)) · \(r.encoders.count) encoders · \(training) training clips in \(r.folds.count) folds"
                    + (test > 0 ? " (\(test) test)" : "") + " · \(r.evaluations) weight vectors scored")
        Output.unlabelledNote(unlabelled)
        Output.line("thresholds chosen on all training folds: α \(Output.threshold(r.thresholds.alpha))  β \(Output.threshold(r.thresholds.beta))")
        Output.line()
        var rows: [[String]] = [
            ["fusion", Output.rateCI(r.inSample.score, ci?.inSample.score), Output.rateCI(r.honest.score, ci?.honest.score),
             Output.rateCI(r.honest.accPresence, ci?.honest.accPresence), Output.rateCI(r.honest.accSalience, ci?.honest.accSalience)],
            ["equal weights", Output.rate(r.equalWeights.inSample.score), Output.rate(r.equalWeights.honest.score),
             Output.rate(r.equalWeights.honest.accPresence), Output.rate(r.equalWeights.honest.accSalience)],
        ]
        if let name = r.bestSingle, let alone = r.perEncoder.first(where: { $0.encoder == name })?.alone {
            rows.append(["best single: \(name)", Output.rate(alone.inSample.score), Output.rate(alone.honest.score),
                         Output.rate(alone.honest.accPresence), Output.rate(alone.honest.accSalience)])
        }
        Output.line(Output.table(["Score (mean over folds)", "in-sample", "honest", "honest ACC_P", "honest ACC_S"], rows,
                                 rightAligned: Set(1...4)))
        if let ci { Output.line(Output.fusionIntervalNote(ci)) }
        Output.line("in-sample overstates honest by \(Output.rate(r.gap))"
                    + (r.test.map { "; test split at the fusion's α/β: " + Output.metricsCI($0, ci?.test) } ?? ""))
        if r.renormalisedClips > 0 || r.droppedClips > 0 {
            Output.line("\(r.renormalisedClips) clips lack some weighted encoder (weights renormalised over those present); "
                        + "\(r.droppedClips) have none and are left out")
        }
        Output.line()
        let encoderRows = r.perEncoder.map { e in
            [e.encoder, Output.rate(e.weight),
             "\(Output.rate(e.foldWeights.min))–\(Output.rate(e.foldWeights.max))",
             Output.rate(e.foldWeights.standardDeviation),
             e.alone.map { Output.rate($0.honest.score) } ?? "–",
             e.without.map { signed($0.inSampleChange) } ?? "–",
             e.without.map { signed($0.honestChange) } ?? "–"]
        }
        Output.line(Output.table(["encoder", "weight", "folds min–max", "sd", "alone (honest)", "without: in-sample Δ", "honest Δ"],
                                 encoderRows, rightAligned: Set(1...6)))
        Output.line()
        Output.line(r.settings.perFold ? "weights per fold (each optimised on that fold alone; the fusion is their mean):"
                                       : "weights per fold (each optimised on the other folds, as the honest Score uses them):")
        let foldRows = r.encoders.indices.map { m in [r.encoders[m]] + r.folds.map { Output.rate($0.weights[m]) } }
        Output.line(Output.table(["encoder"] + r.folds.map { "fold \($0.fold)" }, foldRows, rightAligned: Set(1...r.folds.count)))
        for s in shares {
            Output.line("share of \(s.group) (\(s.encoders.joined(separator: ", "))): \(percent(s.share)), "
                        + "over folds \(percent(s.folds.min))–\(percent(s.folds.max))")
        }
        for t in r.trajectories {
            Output.line()
            Output.line("path on \(t.scope), Score over its clips pooled (\(t.steps.count) steps\(t.steps.count > 12 ? ", first 6 and last 6" : "")):")
            let shown = t.steps.count > 12 ? Array(t.steps.prefix(6)) + Array(t.steps.suffix(6)) : t.steps
            for (i, s) in shown.enumerated() {
                if t.steps.count > 12 && i == 6 { Output.line("  …") }
                Output.line("  \(String(repeating: " ", count: max(0, 5 - "\(s.step)".count)))\(s.step)  Score \(Output.rate(s.score))  "
                            + "α \(Output.threshold(s.thresholds.alpha)) β \(Output.threshold(s.thresholds.beta))  "
                            + topWeights(s.weights, r.encoders))
            }
        }
        Output.line()
        Output.line(saved.map { "saved as fusion '\($0)' (job \(job)): use it with --fusion \($0)" }
                    ?? "not saved (job \(job)); add --as NAME to keep it")
    }

    private static func methodText(_ s: FusionSettings) -> String {
        let how = switch s.method {
        case .simplex: "simplex step \(s.effectiveStep)"
        case .greedy: "greedy \(s.rounds) rounds"
        case .coordinate: "coordinate from \(s.start == .greedy ? "greedy (\(s.rounds) rounds)" : "equal weights"), step \(s.effectiveStep)→\(s.minimumStep)"
        }
        return how + (s.perFold ? " · per-fold, weights averaged" : " · global")
    }

    /// The three largest weights: `strong-2 .33  strong-1 .27  strong-3 .18`.
    private static func topWeights(_ w: [Double], _ names: [String]) -> String {
        w.indices.filter { w[$0] > 0 }.sorted { w[$0] > w[$1] }.prefix(3)
            .map { "\(names[$0]) \(Output.rate(w[$0]))" }.joined(separator: "  ")
    }

    /// `+.012`, `−.008`, ` .000` (a change that rounds to nothing gets no sign).
    private static func signed(_ x: Double) -> String {
        let s = Output.rate(abs(x))
        guard s != Output.rate(0) else { return " " + s }
        return (x > 0 ? "+" : "−") + s
    }

    private static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded()))%" }
}
