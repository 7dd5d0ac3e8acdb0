import ArgumentParser
import BlendApp
import BlendCore
import Foundation

/// Runs a job from the command line: a one-line progress bar on a terminal (stderr), JSON
/// lines with `--json` (stdout), nothing otherwise. The first Ctrl-C cancels the job cleanly
/// (it ends `cancelled`, the store consistent); a second one quits at once, and the job is
/// then found interrupted on the next listing.
enum JobConsole {
    /// One progress line of `--json` output.
    struct ProgressLine: Encodable {
        let event = "progress"
        let job: Int64
        let fraction: Double
        let message: String
        let metrics: JobMetrics?
    }

    /// The last line of `--json` output.
    struct ResultLine<R: Encodable>: Encodable {
        let event = "result"
        let job: Int64
        let result: R
    }

    /// - Throws: the work's error; `ExitCode(130)` after a cancellation (reported on stderr).
    static func run<T: Sendable>(_ session: ProjectSession, _ work: JobWork<T>, json: Bool) throws -> (job: Int64, value: T) {
        let job = try session.prepareJob(work)
        let interrupt = InterruptHandler(job)
        defer { interrupt.restore() }
        let bar = !json && isatty(STDERR_FILENO) == 1 ? ProgressBar() : nil
        do {
            let value = try session.runJob(job, work, onProgress: { progress in
                if json {
                    try? Output.jsonLine(ProgressLine(job: job.jobID, fraction: progress.fraction, message: progress.message,
                                                      metrics: progress.metrics))
                }
                bar?.draw(progress)
            })
            bar?.clear()
            return (job.jobID, value)
        } catch is CancellationError {
            bar?.clear()
            Output.warn("job \(job.jobID) cancelled; nothing was saved")
            throw ExitCode(130)
        } catch {
            bar?.clear()
            throw error
        }
    }
}

/// Ctrl-C while a job runs: the first cancels it, the second exits at once.
private final class InterruptHandler: @unchecked Sendable {
    private let source: DispatchSourceSignal
    private let lock = NSLock()
    private var count = 0

    init(_ job: JobContext) {
        // The default action would kill the process mid-write; a dispatch source hears the
        // signal on a queue instead, where it is safe to do anything.
        signal(SIGINT, SIG_IGN)
        source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        // A strong capture: a signal that races `restore()` must find the handler alive.
        source.setEventHandler { [self] in
            lock.lock()
            count += 1
            let n = count
            lock.unlock()
            if n == 1 {
                FileHandle.standardError.write(Data("\nblendscope: cancelling job \(job.jobID) (Ctrl-C again to quit at once)\n".utf8))
                job.cancel()
            } else {
                exit(130)
            }
        }
        source.resume()
    }

    func restore() {
        source.cancel()
        signal(SIGINT, SIG_DFL)
    }
}

/// `[██████▌          ]  42%  greedy round 12/25 · Score .287`, redrawn in place on stderr.
private final class ProgressBar {
    private let width = 24

    func draw(_ p: JobProgress) {
        let bar = BlockBar.padded(p.fraction, width: width, rounding: .down)
        // The message names encoders and files: escaped, as Output.line escapes.
        let percent = JobProgressText.percent(p.fraction)
        var line = "[\(bar)] \(String(repeating: " ", count: max(0, 4 - percent.count)))\(percent)  "
            + SafeText.terminal(p.message, keepingLineBreaks: false)
        if let score = p.metrics?.score { line += " · Score \(Output.rate(score))" }
        let columns = Self.terminalColumns()
        if line.count > columns - 1 { line = String(line.prefix(columns - 1)) }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func clear() {
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    private static func terminalColumns() -> Int {
        var size = winsize()
        guard ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
