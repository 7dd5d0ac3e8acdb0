import ArgumentParser
import BlendApp
import BlendCore
import Foundation

struct FuseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fuse",
        abstract: "Optimise late-fusion weights, with honest (nested) Scores beside in-sample ones.",
        discussion: HelpText.reflow("""
            blendscope fuse demo.sqlite --method greedy --rounds 25 --as greedy-12
            blendscope fuse demo.sqlite --encoders face,voice --method simplex --step 0.05
            blendscope fuse demo.sqlite --method coordinate --start greedy --per-fold --group adapted=face,voice
            Every method searches α/β on the official 20×20 grid at every step. Only training
            clips choose anything: honest Scores come from weights and thresholds chosen on four
            folds and scored on the fifth. Runs as a job (see `blendscope jobs`); Ctrl-C or
            `blendscope cancel` stops it and nothing is saved.
            """))

    @OptionGroup var target: ProjectOptions

    @Option(help: "Encoders to fuse, comma-separated (default: every encoder with probabilities).")
    var encoders: String?

    @Option(help: "simplex (grid over the weights), greedy (ensemble selection) or coordinate (ascent).")
    var method: FusionMethod = .greedy

    @Option(help: "Simplex: the grid step (default 0.1). Coordinate: the first step (default 0.1).")
    var step: Double?

    @Option(help: "Greedy selection's rounds (also when it seeds coordinate ascent).")
    var rounds: Int = 25

    @Option(help: "Where coordinate ascent starts: equal weights or the greedy result.")
    var start: CoordinateStart = .equal

    @Flag(help: "Optimise each fold alone and average the weights (the reference system's weight table).")
    var perFold = false

    @Option(name: .customLong("as"), help: "Save the fusion under this name (then usable as --fusion NAME).")
    var saveAs: String?

    @Flag(help: "Replace a saved fusion of the same name.")
    var replace = false

    @Option(help: "A named group of encoders whose weight share to report, e.g. adapted=face,voice (repeatable).")
    var group: [String] = []

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let encoders, Self.names(encoders).isEmpty { throw ValidationError("--encoders names no encoder") }
        try UserLimits.fusionRounds.validate(rounds, "--rounds")
        try UserLimits.fusionStep.validate(step, "--step")
        if let saveAs, saveAs.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--as needs a name") }
        if let saveAs {
            do { try TextRules.check(saveAs, as: "--as") } catch { throw ValidationError(error.description) }
        }
        _ = try groups()
    }

    /// The result line of `--json`, with the intervals beside it.
    struct Result: Encodable {
        let report: FusionReport
        let shares: [GroupShare]
        let saved: String?
    }

    struct GroupShare: Encodable {
        let group: String
        let encoders: [String]
        let share: Double
        let folds: Spread
    }

    func run() throws {
        let session = try target.session()
        // Everything that can be refused is checked before a job is recorded.
        let groups = try groups()
        let settings = FusionSettings(method: method, step: step, rounds: rounds, start: start, perFold: perFold)
        let plan = try session.planFusion(encoders: encoders.map(Self.names), settings: settings, saveAs: saveAs,
                                          replace: replace, groups: groups.map { (name: $0.0, members: $0.1) })
        let inputs = plan.inputs
        let (job, outcome) = try JobConsole.run(session, plan.job, json: output.json)
        let (report, saved) = (outcome.report, outcome.saved)
        let shares = groups.map { name, members in
            let s = report.share(of: Set(members))
            return GroupShare(group: name, encoders: s.encoders, share: s.share, folds: s.folds)
        }
        let intervals = inputs.intervals(of: report, settings: uncertainty.settings)
        let unlabelled = try session.unlabelledCount()
        if output.json {
            let result = Flat(Result(report: report, shares: shares, saved: saved),
                              FusionIntervalsView(intervals, unlabelled: unlabelled))
            return try Output.jsonLine(JobConsole.ResultLine(job: job, result: result))
        }
        FuseReportText.print(report, inputs: inputs, intervals: intervals, unlabelled: unlabelled, shares: shares, saved: saved, job: job)
    }

    /// `a, b ,c` → `["a", "b", "c"]`.
    static func names(_ list: String) -> [String] {
        list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `--group adapted=a,b` as (name, members), in the order given.
    func groups() throws -> [(String, [String])] {
        try group.map { text in
            guard let eq = text.firstIndex(of: "="), case let name = String(text[..<eq]), !name.isEmpty,
                  case let members = Self.names(String(text[text.index(after: eq)...])), !members.isEmpty else {
                throw ValidationError("--group must look like NAME=ENCODER,ENCODER, got '\(text)'")
            }
            return (name, members)
        }
    }
}

extension FusionMethod: ExpressibleByArgument {}
extension CoordinateStart: ExpressibleByArgument {}
