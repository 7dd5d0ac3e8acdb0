import ArgumentParser
import BlendApp
import BlendCore
import BlendFigures
import Foundation

/// The figure kinds `figure` draws.
enum FigureKind: String, CaseIterable, ExpressibleByArgument {
    case heatmap
    case betaCurves = "beta-curves"
    case confusion
    case actorBeta = "actor-beta"
}

extension FigureFormat: ExpressibleByArgument {}
extension FigureWidth: ExpressibleByArgument {}
extension HeatmapMetric: ExpressibleByArgument {}

struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "A figure for a paper as PDF, SVG or PNG (cairo; one IEEE column wide by default).",
        discussion: """
            blendscope figure demo.sqlite heatmap --out heatmap.pdf
            blendscope figure demo.sqlite beta-curves --encoder HiCMAE --alpha 0.15 --bands --out beta.svg
            blendscope figure demo.sqlite confusion --rates --split test --width page --out confusion.png
            blendscope figure demo.sqlite actor-beta --out actors.pdf
            heatmap: the α × β grid coloured by Score (or --metric acc-p, acc-s), the best cell
            ringed and the current thresholds crossed. beta-curves: ACC_S over β at α for the
            clips and each training fold, β* marked (--bands: the clips' interval). confusion: the 16 × 16 presence table,
            counts or --rates. actor-beta: each actor's β* with its bootstrap interval against
            the global β*, sorted. The format is --format, else --out's extension, else PDF;
            without --out the figure goes to standard output, never to a terminal.
            """)

    @OptionGroup var target: ProjectOptions

    @Argument(help: "heatmap, beta-curves, confusion or actor-beta.")
    var kind: FigureKind

    @Option(help: "pdf, svg or png (default: --out's extension, else pdf).")
    var format: FigureFormat?

    @Option(help: "Write the figure to this file (whole or not at all); - for standard output.")
    var out: String?

    @Option(help: "column (252 pt, one IEEE column) or page (516 pt, the two-column text width).")
    var width: FigureWidth = .column

    @Option(help: "heatmap: score, acc-p or acc-s.")
    var metric: HeatmapMetric = .score

    @Flag(help: "confusion: row rates in the cells instead of counts.")
    var rates = false

    @Flag(help: "beta-curves: the first curve's bootstrap interval as a band (--ci, --replicates, --seed; one bootstrap per β).")
    var bands = false

    @OptionGroup var source: SourceOptions

    @Option(help: "Presence threshold α (default: the project's current).")
    var alpha: Double?

    @OptionGroup var choice: ThresholdBasisOption

    @Option(help: "Salience threshold β (default: the project's current).")
    var beta: Double?

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var uncertainty: UncertaintyOptions

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
        if rates && kind != .confusion { throw ValidationError("--rates goes with confusion") }
        if bands && kind != .betaCurves { throw ValidationError("--bands goes with beta-curves") }
        if metric != .score && kind != .heatmap { throw ValidationError("--metric goes with heatmap") }
        // As `actors`: every labelled clip of the source, one row per actor.
        if kind == .actorBeta && !scope.scopes.isEmpty {
            throw ValidationError("actor-beta covers every actor of the source; it does not take --split, --fold or --actor")
        }
    }

    /// --format, else the output file's extension, else PDF.
    var resolvedFormat: FigureFormat {
        if let format { return format }
        return out.flatMap { FigureFormat(path: $0) } ?? .pdf
    }

    private var toStandardOutput: Bool { out == nil || out == "-" || out == "/dev/stdout" }

    func run() throws {
        if toStandardOutput && isatty(STDOUT_FILENO) == 1 {
            throw TerminalRefusal(format: resolvedFormat)
        }
        // A target that cannot be written is refused before any work.
        if let out, !toStandardOutput { try ExportFile.check(out) }
        // cairo missing is said before any work too.
        try FigureRenderer.loadCairo()
        let session = try target.session()
        let analysis = try source.target(in: session, alpha: alpha, beta: beta, at: choice.at)
        let selection = scope.selection
        let figure: Figure
        switch kind {
        case .heatmap:
            let sweep = try session.heatmapSweep(analysis, in: selection)
            figure = Figures.heatmap(sweep, metric: metric, current: analysis.thresholds, width: width)
        case .betaCurves:
            let curves = try session.betaCurves(analysis, in: selection, bands: bands ? uncertainty.settings : nil)
            figure = Figures.betaCurves(curves.map { CurveSeries(label: $0.label, xs: $0.betas, ys: $0.accSalience,
                                                                 band: $0.band?.map { $0.lo...$0.hi }) },
                                        alpha: analysis.thresholds.alpha, width: width)
        case .confusion:
            figure = Figures.confusion(try session.confusionTable(analysis, in: selection), rates: rates, width: width)
        case .actorBeta:
            let outcome = try session.actors(analysis.source, alpha: analysis.thresholds.alpha, settings: uncertainty.settings)
            let points = outcome.rows.compactMap { row -> ActorBetaPoint? in
                guard let beta = row.actor.bestBeta else { return nil }
                return ActorBetaPoint(actor: row.actor.actor, beta: beta,
                                      interval: row.uncertainty.betaInterval.map { $0.lo...$0.hi })
            }
            let betas = outcome.report.betas
            figure = Figures.actorBeta(points, global: outcome.report.bestBeta,
                                       betas: (betas.first ?? 0)...(betas.last ?? 1),
                                       omitted: outcome.rows.count - points.count, width: width)
        }
        let bytes = try FigureRenderer.render(figure, as: resolvedFormat)
        guard let out, !toStandardOutput else { return FileHandle.standardOutput.write(bytes) }
        try ExportFile.write(bytes, to: out)
        Output.line("wrote \(out) (\(kind.rawValue), \(resolvedFormat.rawValue.uppercased()), "
            + "\(NumberText.fixed(figure.width, places: 0)) × \(NumberText.fixed(figure.height, places: 0)) pt, "
            + "\(analysis.source) at α \(Output.threshold(analysis.thresholds.alpha)) β \(Output.threshold(analysis.thresholds.beta)), "
            + "\(selection.description))")
    }
}

/// A figure's bytes are never written to a terminal (they would garble it).
struct TerminalRefusal: Error, CustomStringConvertible {
    let format: FigureFormat
    var description: String {
        "standard output is a terminal and a \(format.rawValue.uppercased()) figure is binary: give --out FILE, or redirect it"
    }
}
