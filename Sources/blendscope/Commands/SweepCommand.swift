import ArgumentParser
import BlendCore
import BlendStore

/// `--grid official` (the challenge's 20×20) or a step such as `0.01` (0–1 inclusive).
enum GridChoice: ExpressibleByArgument, CustomStringConvertible {
    case official
    case step(Double)

    init?(argument: String) {
        if argument == "official" { self = .official; return }
        guard let step = Double(argument), step > 0, step <= 0.5 else { return nil }
        self = .step(step)
    }

    var grid: ThresholdGrid {
        switch self {
        case .official: .official
        case .step(let s): .regular(step: s)
        }
    }

    var description: String {
        switch self {
        case .official: "official"
        case .step(let s): "step \(s)"
        }
    }
}

struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Search the α × β grid for the best Score, overall or per fold/actor.",
        discussion: """
            blendscope sweep demo.sqlite --encoder HiCMAE
            blendscope sweep demo.sqlite --encoder HiCMAE --grid 0.01 --split train --by fold
            The official grid is the challenge's linspace(0.05, 0.95, 20) for both α and β,
            α outer, β inner, first maximum of Score wins.
            """)

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "official (20×20, the challenge's) or a step such as 0.01 (a 0–1 grid).")
    var grid: GridChoice = .official

    @OptionGroup var scope: ScopeOptions

    @Option(help: "One row per group: split, fold or actor.")
    var by: ClipGrouping?

    @OptionGroup var output: OutputOptions

    struct Best: Encodable {
        let group: String
        let alpha: Double
        let beta: Double
        let accPresence: Double
        let accSalience: Double
        let score: Double
        let clips: Int
        let blends: Int

        init(_ group: String, _ result: SweepResult) {
            let b = result.best
            self.group = group
            alpha = b.thresholds.alpha
            beta = b.thresholds.beta
            accPresence = b.metrics.accPresence
            accSalience = b.metrics.accSalience
            score = b.metrics.score
            clips = b.metrics.clips
            blends = b.metrics.blends
        }
    }

    struct Report: Encodable {
        let source: String
        let scope: String
        let grid: String
        let alpha: Double
        let beta: Double
        let accPresence: Double
        let accSalience: Double
        let score: Double
        let clips: Int
        let blends: Int
        /// The best ACC_P and the best ACC_S anywhere on the grid, each on its own.
        let presenceOnly: Double
        let salienceOnly: Double
        let groups: [Best]?
    }

    func run() throws {
        let store = try target.open()
        let ref = try source.resolve(in: store)
        let clips = try scope.restrict(store.scoredClips(source: ref))
        let plan = SweepIndex(clips).plan(grid.grid)
        let result = plan.sweep()
        let groups = by.map { plan.sweep(by: $0).map { Best($0.scope.description, $0.result) } }
        let overall = Best("all", result)
        let report = Report(source: ref.description, scope: scope.description, grid: grid.description,
                            alpha: overall.alpha, beta: overall.beta, accPresence: overall.accPresence,
                            accSalience: overall.accSalience, score: overall.score, clips: overall.clips,
                            blends: overall.blends, presenceOnly: result.bestPresence.metrics.accPresence,
                            salienceOnly: result.bestSalience.metrics.accSalience, groups: groups)
        if output.json { return try Output.json(report) }
        Output.line("\(ref) · \(scope.description) · \(grid) grid · \(overall.clips) clips, \(overall.blends) blends")
        Output.line("best α \(Output.threshold(overall.alpha))  β \(Output.threshold(overall.beta))   ACC_P \(Output.rate(overall.accPresence))  ACC_S \(Output.rate(overall.accSalience))  Score \(Output.rate(overall.score))")
        Output.line("best on its own: ACC_P \(Output.rate(report.presenceOnly))  ACC_S \(Output.rate(report.salienceOnly))")
        if let groups {
            Output.line()
            let rows = groups.map { g in
                [g.group, "\(g.clips)", "\(g.blends)", Output.threshold(g.alpha), Output.threshold(g.beta),
                 Output.rate(g.accPresence), Output.rate(g.accSalience), Output.rate(g.score)]
            }
            Output.line(Output.table([by!.rawValue, "clips", "blends", "α*", "β*", "ACC_P", "ACC_S", "Score"], rows,
                                     rightAligned: Set(1...7)))
        }
    }
}

extension ClipGrouping: ExpressibleByArgument {}
