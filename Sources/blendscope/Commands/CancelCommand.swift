import ArgumentParser
import BlendStore

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Ask a running job to stop (it ends cancelled at its next check).",
        discussion: "blendscope cancel demo.sqlite 3")

    @OptionGroup var target: ProjectOptions

    @Argument(help: "The job's id (see `blendscope jobs`).")
    var job: Int64

    @OptionGroup var output: OutputOptions

    struct Report: Encodable {
        let job: Int64
        let status: String
        let cancelRequested: Bool
    }

    func run() throws {
        let store = try target.open()
        try store.markInterruptedJobs()
        let record = try store.job(job)
        guard !record.status.isFinished else {
            throw ValidationError("job \(job) already ended: \(record.status.rawValue) (\(record.message))")
        }
        try store.requestCancel(job: job)
        if output.json { return try Output.json(Report(job: job, status: record.status.rawValue, cancelRequested: true)) }
        Output.line("asked job \(job) (\(record.kind)) to stop; it ends cancelled at its next check")
    }
}
