import BlendCore
import Foundation

/// Whole-process latency of short verbs, the cost a script looping over `blendscope eval` pays
/// per call: each command is spawned, timed from spawn to exit and its peak memory read from
/// `wait4`'s rusage, beside a Swift hello world (Foundation, reading a file) built in the same
/// run as the floor any Swift program pays on this machine.
public enum StartupBenchmark {
    public struct Row: Encodable, Sendable {
        public let name: String
        public let medianMilliseconds: Double
        public let fastestMilliseconds: Double
        public let runs: Int
        /// Median over the runs of the child's peak resident memory (ru_maxrss).
        public let peakMegabytes: Double
        public let targetMilliseconds: Double?
        public let targetMegabytes: Double?

        public var meetsTarget: Bool? {
            guard targetMilliseconds != nil || targetMegabytes != nil else { return nil }
            return (targetMilliseconds.map { medianMilliseconds <= $0 } ?? true)
                && (targetMegabytes.map { peakMegabytes <= $0 } ?? true)
        }
    }

    public struct Report: Encodable, Sendable {
        public let rows: [Row]
        /// `eval`'s median over the hello world's, nil without a Swift compiler.
        public let evalToBaseline: Double?
        /// Why there is no baseline row (no `swiftc`), else nil.
        public let baselineProblem: String?
        /// /proc/loadavg's 1-minute figure before and after: figures taken under load are slower.
        public let loadBefore: Double?
        public let loadAfter: Double?
    }

    /// Times `--help`, `eval`, `sweep` and `confusion` of `binary` on `project` (its current
    /// source and thresholds), `runs` times each after one untimed run.
    public static func run(binary: String, project: String, runs: Int, scratch: URL) throws -> Report {
        let loadBefore = loadAverage()
        var rows: [Row] = []
        var baselineProblem: String?
        do {
            let hello = try buildHelloWorld(in: scratch)
            rows.append(try measure("swift hello world (Foundation, reads the project's first 4 KB)",
                                    hello, [project], runs: runs))
            // The same program linked as `make build` links blendscope (the Swift runtime and
            // Foundation linked in, no PIE): the floor for that way of linking
            // (context only; the targets' ratio is to the ordinary build above).
            if let hello = try? buildHelloWorld(in: scratch, name: "hello-static",
                                                flags: ["-static-stdlib", "-Xclang-linker", "-no-pie"]) {
                rows.append(try measure("swift hello world linked like blendscope (-static-stdlib, no PIE)",
                                        hello, [project], runs: runs))
            }
        } catch let problem as BaselineProblem {
            baselineProblem = problem.message
        }
        rows.append(try measure("blendscope --help", binary, ["--help"], runs: runs, target: 10))
        rows.append(try measure("blendscope eval PROJECT --json", binary, ["eval", project, "--json"], runs: runs,
                                target: 15, megabytes: 25))
        rows.append(try measure("blendscope sweep PROJECT --json", binary, ["sweep", project, "--json"], runs: runs))
        rows.append(try measure("blendscope confusion PROJECT --json", binary, ["confusion", project, "--json"], runs: runs))
        // The ordinary (dynamically linked) hello world is the baseline the targets name.
        let baseline = baselineProblem == nil ? rows.first?.medianMilliseconds : nil
        let eval = rows.first { $0.name.hasPrefix("blendscope eval") }?.medianMilliseconds
        return Report(rows: rows, evalToBaseline: baseline.flatMap { b in eval.map { $0 / b } },
                      baselineProblem: baselineProblem, loadBefore: loadBefore, loadAfter: loadAverage())
    }

    /// This process's own binary (what `bench --startup` times unless told otherwise).
    public static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    // MARK: - One command

    struct RunFailure: Error, CustomStringConvertible {
        let description: String
    }

    private static func measure(_ name: String, _ executable: String, _ arguments: [String], runs: Int,
                                target: Double? = nil, megabytes: Double? = nil) throws -> Row {
        _ = try spawnAndWait(executable, arguments)
        var times: [Double] = []
        var peaks: [Double] = []
        for _ in 0..<runs {
            let run = try spawnAndWait(executable, arguments)
            times.append(run.milliseconds)
            peaks.append(run.peakMegabytes)
        }
        return Row(name: name, medianMilliseconds: median(times), fastestMilliseconds: times.min() ?? 0, runs: runs,
                   peakMegabytes: median(peaks), targetMilliseconds: target, targetMegabytes: megabytes)
    }

    /// Spawns `executable` with stdout and stderr to /dev/null and waits for it: wall time from
    /// just before `posix_spawn` to just after `wait4`, and the child's own peak RSS.
    private static func spawnAndWait(_ executable: String, _ arguments: [String]) throws
        -> (milliseconds: Double, peakMegabytes: Double) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        // The C global `environ` is not concurrency-safe to read from Swift 6; the same variables.
        let envp: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment
            .map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for variable in envp { free(variable) } }

        let clock = ContinuousClock()
        var pid: pid_t = 0
        let start = clock.now
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw RunFailure(description: "cannot run \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw RunFailure(description: "wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = Benchmark.milliseconds(clock.now - start)
        // WIFEXITED / WEXITSTATUS are macros: an exit leaves the low 7 bits zero.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw RunFailure(description: "`\(([executable] + arguments).joined(separator: " "))` failed (status \(status)); "
                                          + "run it by hand to see why")
        }
        // Linux reports ru_maxrss in kilobytes.
        return (elapsed, Double(usage.ru_maxrss) / 1024)
    }

    // MARK: - The baseline

    struct BaselineProblem: Error {
        let message: String
    }

    /// What a Swift program costs before it does anything: Foundation loaded, a file read.
    private static let helloWorld = """
        import Foundation

        // The startup benchmark's floor: Foundation loaded, a file opened and read.
        guard CommandLine.arguments.count == 2,
              let file = FileHandle(forReadingAtPath: CommandLine.arguments[1]) else { exit(1) }
        let head = file.readData(ofLength: 4096)
        print("read \\(head.count) bytes of \\(CommandLine.arguments[1])")

        """

    /// Compiles the hello world with `swiftc -O` and `flags` (from $SWIFTC, else the PATH).
    private static func buildHelloWorld(in scratch: URL, name: String = "hello", flags: [String] = []) throws -> String {
        guard let compiler = ProcessInfo.processInfo.environment["SWIFTC"] ?? ChildProcess.executable(named: "swiftc") else {
            throw BaselineProblem(message: "no swiftc on the PATH (set SWIFTC to one)")
        }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let source = scratch.appendingPathComponent("hello.swift")
        let binary = scratch.appendingPathComponent(name).path
        try Data(helloWorld.utf8).write(to: source)
        let status = try ChildProcess.runQuietly(compiler, ["-O"] + flags + [source.path, "-o", binary])
        guard status == 0 else {
            throw BaselineProblem(message: "\(compiler) -O \(flags.joined(separator: " ")) hello.swift failed (status \(status))")
        }
        return binary
    }


    private static func loadAverage() -> Double? {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return nil }
        return text.split(separator: " ").first.flatMap { Double($0) }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
