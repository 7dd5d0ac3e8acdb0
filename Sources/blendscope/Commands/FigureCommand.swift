import ArgumentParser
import BlendApp
import BlendCore
import BlendFigures
import Foundation

extension FigureKind: ExpressibleByArgument {}
extension FigureFormat: ExpressibleByArgument {}
extension FigureWidth: ExpressibleByArgument {}
extension HeatmapMetric: ExpressibleByArgument {}

struct FigureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figure",
        abstract: "A figure for a paper as PDF, SVG or PNG (cairo; one IEEE column wide by default).",
        discussion: HelpText.reflow("""
            blendscope figure demo.sqlite heatmap --out heatmap.pdf
            blendscope figure demo.sqlite beta-curves --encoder HiCMAE --alpha 0.15 --bands --out beta.svg
            blendscope figure demo.sqlite confusion --rates --split test --width page --out confusion.png
            blendscope figure demo.sqlite actor-beta --out actors.pdf
            blendscope figure demo.sqlite fusion-weights --fusion late --out weights.pdf
            blendscope figure demo.sqlite durations --bins 4 --out durations.pdf
            heatmap: the α × β grid coloured by Score (or --metric acc-p, acc-s), the best cell
            ringed and the current thresholds crossed. beta-curves: ACC_S over β at α for the
            clips and each training fold, β* marked (--bands: the clips' interval). confusion: the 16 × 16 presence table,
            counts or --rates. actor-beta: each actor's β* with its bootstrap interval against
            the global β*, sorted. fusion-weights: a saved fusion's weight per encoder with each
            training fold's weight (min–max). durations: ACC_S with its interval and β* per
            duration bin (--bins, --edges). The format is --format, else --out's extension, else PDF;
            without --out the figure goes to standard output, never to a terminal.
            """))

    @OptionGroup var target: ProjectOptions

    @Argument(help: "heatmap, beta-curves, confusion, actor-beta, fusion-weights or durations.")
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

    @Option(help: "Presence threshold α (default: the source's own, see --at).")
    var alpha: Double?

    @OptionGroup var choice: ThresholdBasisOption

    @Option(help: "Salience threshold β (default: the source's own, see --at).")
    var beta: Double?

    @OptionGroup var scope: ScopeOptions
    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var binning: DurationBinOptions

    func validate() throws {
        try validateThresholds(alpha: alpha, beta: beta)
        if rates && kind != .confusion { throw ValidationError("--rates goes with confusion") }
        if bands && kind != .betaCurves { throw ValidationError("--bands goes with beta-curves") }
        if metric != .score && kind != .heatmap { throw ValidationError("--metric goes with heatmap") }
        if (binning.bins != nil || binning.edges != nil) && kind != .durations {
            throw ValidationError("--bins and --edges go with durations")
        }
        // As `actors`: every labelled clip of the source, one row per actor.
        if kind == .actorBeta && !scope.scopes.isEmpty {
            throw ValidationError("actor-beta covers every actor of the source; it does not take --split, --fold or --actor")
        }
        // A fusion's weights are the fusion's, not a part of its clips'.
        if kind == .fusionWeights && !scope.scopes.isEmpty {
            throw ValidationError("fusion-weights draws the fusion's weights; it does not take --split, --fold or --actor")
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
        let request = FigureRequest(kind, width: width, metric: metric, rates: rates, bands: bands,
                                    binning: binning.binning, settings: uncertainty.settings)
        let figure = try session.figure(request, target: analysis, in: selection)
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
