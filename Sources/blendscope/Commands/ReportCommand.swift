import ArgumentParser
import BlendApp
import BlendCore
import BlendFigures
import BlendReport
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "One self-contained HTML report for co-authors (figures inline as SVG, nothing fetched).",
        discussion: HelpText.reflow("""
            blendscope report demo.sqlite --out report.html
            blendscope report demo.sqlite --fusion late --replicates 500 --out late.html
            The project, every source at its thresholds with intervals, the α × β heatmap, folds
            and the honest Score, the actors' β with the heterogeneity test, confusion, a
            fusion's weights (--fusion, else the first saved), durations (--bins, --edges) and
            the provenance, for the source and thresholds given (default: the current source at its own thresholds).
            Reads on a phone and prints. The file is written whole or not at all; without --out
            the page goes to standard output. SOURCE_DATE_EPOCH, when set, is the time the
            provenance gives (for reproducible files).
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var source: SourceOptions
    @OptionGroup var thresholds: ThresholdOptions

    @Option(help: "Write the report to this file (whole or not at all); - for standard output.")
    var out: String?

    @OptionGroup var uncertainty: UncertaintyOptions
    @OptionGroup var binning: DurationBinOptions

    private var toStandardOutput: Bool { out == nil || out == "-" || out == "/dev/stdout" }

    /// SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention), else now.
    static func generated(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Date {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return Date() }
        guard let seconds = Int64(text), seconds >= 0 else {
            throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, got '\(SafeText.terminal(text))'")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    func run() throws {
        // A target that cannot be written, a bad time or no cairo is refused before any work.
        if let out, !toStandardOutput { try ExportFile.check(out) }
        let generated = try Self.generated()
        try FigureRenderer.loadCairo()
        let session = try target.session()
        let analysis = try thresholds.target(source, in: session)
        let request = ReportRequest(settings: uncertainty.settings, binning: binning.binning, generated: generated,
                                    version: BlendscopeCommand.configuration.version)
        let html = HTMLReport.render(try session.report(analysis, request: request))
        guard let out, !toStandardOutput else { return FileHandleOutput.write(html) }
        try ExportFile.write(html, to: out)
        Output.line("wrote \(out) (HTML report, \(analysis.source) at α \(Output.threshold(analysis.thresholds.alpha)) "
            + "β \(Output.threshold(analysis.thresholds.beta)))")
    }
}
