import BlendBench
import Foundation

/// `bench --startup`'s table, as the command prints it.
enum StartupBenchText {
    static func summary(_ report: StartupBenchmark.Report) -> String {
        let baseline = report.evalToBaseline == nil ? nil : report.rows.first?.medianMilliseconds
        var lines = [Output.table(
            ["process start to exit", "median ms", "fastest ms", "CPU ms", "× hello", "runs", "peak MB", "target", "",
             "as filed"],
            report.rows.map { r in
                [r.name, String(format: "%.2f", r.medianMilliseconds), String(format: "%.2f", r.fastestMilliseconds),
                 r.cpuMilliseconds.map { String(format: "%.2f", $0) } ?? "?",
                 baseline.map { String(format: "%.2f", r.medianMilliseconds / $0) } ?? "",
                 "\(r.runs)", r.peakMegabytes.map { String(format: "%.1f", $0) } ?? "?", target(r),
                 r.meetsTarget.map { $0 ? "✓" : "✗ over" } ?? "", r.before ?? ""]
            }, rightAligned: [1, 2, 3, 4, 5, 6])]
        if let evalToBaseline = report.evalToBaseline {
            lines.append(String(format: "eval / hello world: %.2f× (target ≤ 3×) %@", evalToBaseline,
                                evalToBaseline <= 3 ? "✓" : "✗ over"))
        }
        if report.rows.contains(where: { $0.peakMegabytes == nil }) {
            lines.append("peak MB ?: no C compiler to build the launcher that reads each child's own peak")
        }
        if !report.frames.isEmpty {
            lines.append("")
            lines.append(Output.table(
                ["first frames", "median ms", "fastest ms", "runs", "target", "", "as filed"],
                report.frames.map { r in
                    [r.name, String(format: "%.3f", r.medianMilliseconds), String(format: "%.3f", r.fastestMilliseconds),
                     "\(r.runs)", target(r), r.meetsTarget.map { $0 ? "✓" : "✗ over" } ?? "", r.before ?? ""]
                }, rightAligned: [1, 2, 3]))
        }
        if let problem = report.framesProblem { lines.append("not measured: \(problem)") }
        lines.append("as filed: issue 16's figures on this machine before the work; CPU ms: user + system time of the child")
        if let baselineProblem = report.baselineProblem { lines.append("no hello-world baseline: \(baselineProblem)") }
        let load = [report.loadBefore, report.loadAfter].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        lines.append("load average (1 min) before/after: \(load[0]) / \(load[1])")
        return lines.joined(separator: "\n")
    }

    private static func target(_ r: StartupBenchmark.Row) -> String {
        [r.targetMilliseconds.map { String(format: $0 < 1 ? "≤ %.2f ms" : "≤ %.0f ms", $0) },
         r.targetMegabytes.map { String(format: "≤ %.0f MB", $0) }].compactMap { $0 }.joined(separator: ", ")
    }
}
