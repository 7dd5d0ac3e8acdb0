import BlendBench
import Foundation

/// `bench --startup`'s table, as the command prints it.
enum StartupBenchText {
    static func summary(_ report: StartupBenchmark.Report) -> String {
        var lines = [Output.table(
            ["process start to exit", "median ms", "fastest ms", "runs", "peak MB", "target", ""],
            report.rows.map { r in
                let target = [r.targetMilliseconds.map { String(format: "≤ %.0f ms", $0) },
                              r.targetMegabytes.map { String(format: "≤ %.0f MB", $0) }]
                    .compactMap { $0 }.joined(separator: ", ")
                return [r.name, String(format: "%.2f", r.medianMilliseconds), String(format: "%.2f", r.fastestMilliseconds),
                        "\(r.runs)", r.peakMegabytes.map { String(format: "%.1f", $0) } ?? "?", target,
                        r.meetsTarget.map { $0 ? "✓" : "✗ over" } ?? ""]
            }, rightAligned: [1, 2, 3, 4])]
        if let evalToBaseline = report.evalToBaseline {
            lines.append(String(format: "eval / hello world: %.2f× (target ≤ 3×) %@", evalToBaseline,
                                evalToBaseline <= 3 ? "✓" : "✗ over"))
        }
        if report.rows.contains(where: { $0.peakMegabytes == nil }) {
            lines.append("peak MB ?: no C compiler to build the launcher that reads each child's own peak")
        }
        if let baselineProblem = report.baselineProblem { lines.append("no hello-world baseline: \(baselineProblem)") }
        let load = [report.loadBefore, report.loadAfter].map { $0.map { String(format: "%.2f", $0) } ?? "?" }
        lines.append("load average (1 min) before/after: \(load[0]) / \(load[1])")
        return lines.joined(separator: "\n")
    }
}
