import ArgumentParser
import BlendApp
import BlendCore
import Foundation

struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jobs",
        abstract: "List the project's jobs, newest first.",
        discussion: HelpText.reflow("""
            blendscope jobs demo.sqlite
            A running job whose process is gone (killed, crashed) is marked interrupted first.
            """))

    @OptionGroup var target: ProjectOptions
    @OptionGroup var output: OutputOptions

    struct Row: Encodable {
        let id: Int64
        let kind: String
        let status: String
        let progress: Double
        let message: String
        let pid: Int32?
        let created: Date
        let started: Date?
        let finished: Date?
        let cancelRequested: Bool
        /// The live figures the work last reported (loss, score, epoch), if any.
        let metrics: JobMetrics?

        init(_ j: JobRecord) {
            id = j.id
            kind = j.kind
            status = j.status.rawValue
            progress = j.progress
            message = j.message
            pid = j.pid
            created = j.created
            started = j.started
            finished = j.finished
            cancelRequested = j.cancelRequested
            metrics = j.metrics
        }
    }

    func run() throws {
        let records = try target.session().jobs()
        let jobs = records.map(Row.init)
        if output.json { return try Output.json(jobs) }
        guard !jobs.isEmpty else { return Output.line("no jobs") }
        let time = DateFormatter()
        time.dateFormat = "yyyy-MM-dd HH:mm:ss"
        // Progress and time left read as on the workbench's Jobs screen (`JobProgressText`).
        let now = Date()
        let rows = zip(jobs, records).map { j, record in
            ["\(j.id)", j.kind, j.status + (j.cancelRequested && !record.status.isFinished ? " (cancelling)" : ""),
             JobProgressText.percent(j.progress), time.string(from: j.started ?? j.created),
             record.remaining(now: now).map(JobProgressText.clock) ?? "", j.message]
        }
        Output.line(Output.table(["job", "kind", "status", "done", "started", "ETA", "message"], rows, rightAligned: [0, 3, 5]))
    }
}
