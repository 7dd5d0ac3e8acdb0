import ArgumentParser
import BlendCore
import BlendStore

struct FoldsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "folds",
        abstract: "Per-fold best thresholds, their spread, and the honest (nested) Score beside the optimistic one.",
        discussion: """
            blendscope folds demo.sqlite --encoder HiCMAE
            blendscope folds demo.sqlite --fusion greedy-12 --grid 0.01 --json
            Each training fold's own best α/β and Score (thresholds tuned on the clips they score:
            optimistic); the fold scored at the α/β chosen on the other folds (honest); the gap
            between their means; and the challenge baseline's habit of applying the single best
            fold's thresholds to every fold. Test clips take no part.
            """)

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "official (20×20, the challenge's) or a step such as 0.01 (a 0–1 grid).")
    var grid: GridChoice = .official

    @OptionGroup var output: OutputOptions

    func validate() throws {
        try grid.validate()
    }

    struct FoldView: Encodable {
        let fold: Int
        let clips: Int
        let own: CellView
        let chosenOnOthers: CellView
        let honest: MetricsView
        let baseline: MetricsView
    }

    struct Report: Encodable {
        let source: String
        let grid: String
        let folds: [FoldView]
        let alphaSpread: Spread
        let betaSpread: Spread
        let scoreSpread: Spread
        let optimisticScore: Double
        let honestScore: Double
        let gap: Double
        let baselineFold: Int
        let baselineAlpha: Double
        let baselineBeta: Double
        let baselineScore: Double
        /// Unlabelled test clips of the project, never in a fold (absent when none).
        let unlabelled: Int?
    }

    func run() throws {
        let store = try target.open()
        let ref = try source.resolve(in: store)
        let clips = try store.scoredClips(source: ref)
        guard let r = SweepIndex(clips).plan(grid.grid).foldReport() else {
            throw StoreError.invalid("\(ref) has predictions for fewer than two training folds: nothing to hold out")
        }
        let report = Report(
            source: ref.description, grid: grid.description,
            folds: r.folds.map {
                FoldView(fold: $0.fold, clips: $0.clips, own: CellView($0.own), chosenOnOthers: CellView($0.chosenOnOthers),
                         honest: MetricsView($0.honest), baseline: MetricsView($0.baseline))
            },
            alphaSpread: r.alphaSpread, betaSpread: r.betaSpread, scoreSpread: r.scoreSpread,
            optimisticScore: r.optimisticScore, honestScore: r.honestScore, gap: r.gap, baselineFold: r.baselineFold,
            baselineAlpha: r.baselineThresholds.alpha, baselineBeta: r.baselineThresholds.beta, baselineScore: r.baselineScore,
            unlabelled: Output.unlabelledField(try store.unlabelledCount()))
        if output.json { return try Output.json(report) }

        let th = Output.threshold, rate = Output.rate
        Output.line("\(ref) · \(grid) grid · \(r.folds.count) folds, \(r.folds.reduce(0) { $0 + $1.clips }) training clips")
        Output.unlabelledNote(report.unlabelled ?? 0)
        let rows = r.folds.map { f in
            [String(f.fold), String(f.clips), th(f.own.thresholds.alpha), th(f.own.thresholds.beta),
             rate(f.own.metrics.accPresence), rate(f.own.metrics.accSalience), rate(f.own.metrics.score),
             th(f.chosenOnOthers.thresholds.alpha), th(f.chosenOnOthers.thresholds.beta),
             rate(f.honest.score), rate(f.baseline.score)]
        }
        Output.line(Output.table(["fold", "clips", "α*", "β*", "ACC_P", "ACC_S", "Score", "α others", "β others",
                                  "honest", "baseline"], rows, rightAligned: Set(1...10)))
        Output.line()
        func spread(_ s: Spread, _ f: (Double) -> String) -> String { "\(f(s.min))–\(f(s.max)) (sd \(f(s.standardDeviation)))" }
        Output.line("spread of the folds' own best:  α \(spread(r.alphaSpread, th))   β \(spread(r.betaSpread, th))   Score \(spread(r.scoreSpread, rate))")
        Output.line("optimistic  Score \(rate(r.optimisticScore))  thresholds tuned on each fold's own clips")
        Output.line("honest      Score \(rate(r.honestScore))  thresholds chosen on the other folds (gap \(rate(r.gap)))")
        Output.line("baseline    Score \(rate(r.baselineScore))  fold \(r.baselineFold)'s α \(th(r.baselineThresholds.alpha)) β \(th(r.baselineThresholds.beta)) on every fold")
    }
}
