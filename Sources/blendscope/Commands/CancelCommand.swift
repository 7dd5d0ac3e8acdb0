import ArgumentParser
import BlendApp

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
        // A job that already ended is refused as a usage error (`AppError.jobEnded`).
        let record = try target.session().cancelJob(job)
        if output.json { return try Output.json(Report(job: job, status: record.status.rawValue, cancelRequested: true)) }
        Output.line("asked job \(job) (\(record.kind)) to stop; it ends cancelled at its next check")
    }
}
