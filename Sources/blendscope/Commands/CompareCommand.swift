import ArgumentParser
import BlendApp
import BlendCore
import BlendReport
import Foundation

/// Two sources named on the command line, in the order given: `--encoder A --fusion B`.
struct SourcePairOptions: ParsableArguments {
    @Option(help: "An encoder to compare (give two sources in all: --encoder/--fusion twice).")
    var encoder: [String] = []

    @Option(help: "A saved fusion to compare.")
    var fusion: [String] = []

    func validate() throws {
        guard encoder.count + fusion.count == 2 else {
            throw ValidationError("name exactly two sources: (--encoder A | --fusion A) (--encoder B | --fusion B), got \(encoder.count + fusion.count)")
        }
    }

    /// A and B: the first source named on the command line is A.
    func resolve(arguments: [String] = CommandLine.arguments) -> (SourceRef, SourceRef) {
        if encoder.count == 2 { return (.encoder(encoder[0]), .encoder(encoder[1])) }
        if fusion.count == 2 { return (.fusion(fusion[0]), .fusion(fusion[1])) }
        func position(_ flag: String) -> Int {
            arguments.firstIndex { $0 == flag || $0.hasPrefix(flag + "=") } ?? Int.max
        }
        let e = SourceRef.encoder(encoder[0]), f = SourceRef.fusion(fusion[0])
        return position("--encoder") < position("--fusion") ? (e, f) : (f, e)
    }
}

/// Each side's thresholds: `--alpha/--beta` for both, `--alpha-a/--beta-a`, `--alpha-b/--beta-b` for one.
struct PairThresholdOptions: ParsableArguments {
    @Option(help: "Presence threshold α for both sides (default: each side's own).")
    var alpha: Double?
    @Option(help: "Salience threshold β for both sides (default: each side's own).")
    var beta: Double?
    @Option(name: .customLong("alpha-a"), help: "α for A only.")
    var alphaA: Double?
    @Option(name: .customLong("beta-a"), help: "β for A only.")
    var betaA: Double?
    @Option(name: .customLong("alpha-b"), help: "α for B only.")
    var alphaB: Double?
    @Option(name: .customLong("beta-b"), help: "β for B only.")
    var betaB: Double?

    /// Each side at its own thresholds (stored, else its best on train) unless given.
    func resolve(_ a: SourceRef, _ b: SourceRef, in session: ProjectSession) throws -> (Thresholds, Thresholds) {
        (try session.thresholds(for: a, alpha: alphaA ?? alpha, beta: betaA ?? beta).0,
         try session.thresholds(for: b, alpha: alphaB ?? alpha, beta: betaB ?? beta).0)
    }
}

/// The paired comparison as `--json` shows it: the `compare` report (as `export compare`
/// writes it) turned on its side — each side's metrics, `delta`, `delta_ci` and `p_value` keyed
/// by the report's metric — beside the resampling, McNemar's p and the clips only one gets right.
struct ComparisonView: Encodable {
    struct Side: Encodable {
        let source: String
        let alpha: Double
        let beta: Double
        let metrics: ReportColumnJSON
    }

    struct FlipView: Encodable {
        let clip: String
        let actor: String
        let label: String
    }

    let a: Side
    let b: Side
    let scope: String
    /// Clips both sources have.
    let clips: Int
    let actors: Int
    let level: Double
    let replicates: Int
    let seed: UInt64
    let delta: ReportColumnJSON
    let deltaCi: ReportColumnJSON
    let pValue: ReportColumnJSON
    let mcnemarP: Double
    /// The clips whose presence only A (only B) gets right.
    let onlyARight: [FlipView]
    let onlyBRight: [FlipView]
    let byActor: [PairedComparison.FlipCount]
    let byKind: [PairedComparison.FlipCount]
    /// What the text reads: the comparison itself.
    let comparison: PairedComparison

    private enum CodingKeys: String, CodingKey {
        case a, b, scope, clips, actors, level, replicates, seed, delta, deltaCi, pValue, mcnemarP
        case onlyARight, onlyBRight, byActor, byKind
    }

    init(_ c: PairedComparison, a: SourceRef, at ta: Thresholds, b: SourceRef, at tb: Thresholds, scope: String) {
        let table = AnalysisTables.compare(c, a: a.description, at: ta, b: b.description, at: tb, scope: scope)
        func column(_ key: String, bounds: Bool = false, counts m: Metrics? = nil) -> ReportColumnJSON {
            ReportColumnJSON(table, key, keyedBy: "metric", bounds: bounds,
                             extras: m.map { ["clips": .integer($0.clips), "blends": .integer($0.blends)] } ?? [:])
        }
        self.a = Side(source: a.description, alpha: ta.alpha, beta: ta.beta, metrics: column("a", counts: c.a))
        self.b = Side(source: b.description, alpha: tb.alpha, beta: tb.beta, metrics: column("b", counts: c.b))
        self.scope = scope
        clips = c.clips
        actors = c.actors
        level = c.settings.level
        replicates = c.settings.replicates
        seed = c.settings.seed
        delta = column("delta")
        deltaCi = column("delta", bounds: true)
        pValue = column("p_value")
        mcnemarP = c.mcnemarP
        onlyARight = c.flips.filter(\.aRight).map { FlipView(clip: $0.clip, actor: $0.actor, label: $0.label.short) }
        onlyBRight = c.flips.filter { !$0.aRight }.map { FlipView(clip: $0.clip, actor: $0.actor, label: $0.label.short) }
        byActor = c.byActor
        byKind = c.byKind
        comparison = c
    }

    /// Loads both sources, restricted to `scope`, and compares them over the clips both have.
    static func load(session: ProjectSession, pair: SourcePairOptions, thresholds: PairThresholdOptions,
                     scope: ScopeOptions, settings: BootstrapSettings) throws -> ComparisonView {
        let (a, b) = pair.resolve()
        let (ta, tb) = try thresholds.resolve(a, b, in: session)
        let c = try session.compare(a, at: ta, with: b, at: tb, in: scope.selection, settings: settings)
        return ComparisonView(c, a: a, at: ta, b: b, at: tb, scope: scope.description)
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Paired comparison of two sources: Δ with intervals and p, McNemar's test, the clips only one gets right.",
        discussion: HelpText.reflow("""
            blendscope compare demo.sqlite --encoder HiCMAE --encoder VideoMAEv2
            blendscope compare demo.sqlite --fusion greedy-12 --encoder HiCMAE --alpha-b 0.15 --split test
            The first source named is A. Over the clips both have, the same actor draws for both:
            Δ = metric(A) − metric(B) per replicate, a percentile interval and
            p = min(1, 2·min(share Δ ≤ 0, share Δ ≥ 0)); McNemar's exact test on the clips whose
            presence only one gets right. Each side at its own thresholds (stored, else its best on train) unless
            --alpha/--beta (both) or --alpha-a/--beta-a, --alpha-b/--beta-b (one side) say otherwise.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var pair: SourcePairOptions
    @OptionGroup var thresholds: PairThresholdOptions
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        let session = try target.session()
        let v = try ComparisonView.load(session: session, pair: pair, thresholds: thresholds, scope: scope,
                                        settings: uncertainty.settings)
        if output.json { return try Output.json(v) }
        let th = Output.threshold
        func signed(_ x: Double) -> String { (x >= 0 ? "+" : "−") + Output.rate(abs(x)) }
        func signedCI(_ x: Double, _ i: Interval) -> String { "\(signed(x)) [\(signed(i.lo)), \(signed(i.hi))]" }
        // No replicate on the other side of 0: p is below what the replicates can resolve.
        func bootstrapP(_ p: Double) -> String {
            p == 0 ? "< " + ActorHeterogeneityTest.pText(1 / Double(v.replicates)) : ActorHeterogeneityTest.pText(p)
        }
        Output.line("A \(v.a.source) at α \(th(v.a.alpha)) β \(th(v.a.beta))   B \(v.b.source) at α \(th(v.b.alpha)) β \(th(v.b.beta))")
        Output.line("\(v.scope) · \(v.clips) clips both have, \(v.actors) actors")
        let c = v.comparison
        let rows = [
            ["ACC_P", Output.rate(c.a.accPresence), Output.rate(c.b.accPresence),
             signedCI(c.delta.accPresence, c.deltaInterval.accPresence), bootstrapP(c.pValue.accPresence)],
            ["ACC_S", Output.rate(c.a.accSalience), Output.rate(c.b.accSalience),
             signedCI(c.delta.accSalience, c.deltaInterval.accSalience), bootstrapP(c.pValue.accSalience)],
            ["Score", Output.rate(c.a.score), Output.rate(c.b.score),
             signedCI(c.delta.score, c.deltaInterval.score), bootstrapP(c.pValue.score)],
        ]
        Output.line(Output.table(["metric", "A", "B", "Δ = A − B", "p"], rows, rightAligned: [1, 2, 3, 4]))
        Output.line("\(Output.percent(v.level)) intervals: \(v.replicates) paired bootstrap replicates over \(v.actors) actors, seed \(v.seed)")
        Output.line()
        Output.line("presence right for one only: \(v.onlyARight.count) only A, \(v.onlyBRight.count) only B · McNemar exact p = \(ActorHeterogeneityTest.pText(v.mcnemarP))")
        guard !v.onlyARight.isEmpty || !v.onlyBRight.isEmpty else { return }
        Output.line()
        Output.line(Output.table(["kind", "only A", "only B"], v.byKind.map { [$0.group, "\($0.onlyARight)", "\($0.onlyBRight)"] },
                                 rightAligned: [1, 2]))
        Output.line()
        Output.line(Output.table(["actor", "only A", "only B"], v.byActor.map { [$0.group, "\($0.onlyARight)", "\($0.onlyBRight)"] },
                                 rightAligned: [1, 2]))
        Output.line()
        let flips = v.onlyARight.map { [$0.clip, $0.label, "A"] } + v.onlyBRight.map { [$0.clip, $0.label, "B"] }
        Output.line(Output.table(["clip", "label", "right only"], flips))
    }
}
