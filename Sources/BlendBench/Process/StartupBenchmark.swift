import BlendCore
import Foundation

/// Whole-process latency of short verbs, the cost a script looping over `blendscope eval` pays
/// per call: each command is spawned by a small launcher, timed from spawn to exit and its own
/// peak memory read from `wait4`'s rusage, beside a Swift hello world (Foundation, reading a file) built in the same
/// run as the floor any Swift program pays on this machine.
public enum StartupBenchmark {
    public struct Row: Encodable, Sendable {
        public let name: String
        public let medianMilliseconds: Double
        public let fastestMilliseconds: Double
        public let runs: Int
        /// Median over the runs of the child's own peak resident memory (ru_maxrss); nil when
        /// no launcher could be built to read it (see `Launcher`).
        public let peakMegabytes: Double?
        /// Median over the runs of the child's CPU time (user + system, from the same rusage):
        /// on a loaded machine the wall time mostly measures waiting for a core, this does not.
        public var cpuMilliseconds: Double? = nil
        public let targetMilliseconds: Double?
        public let targetMegabytes: Double?
        /// The figure as issue 16 was filed (this machine, before the work), for the closing
        /// table; nil where the issue gave none.
        public var before: String? = nil

        public var meetsTarget: Bool? {
            guard targetMilliseconds != nil || targetMegabytes != nil else { return nil }
            return (targetMilliseconds.map { medianMilliseconds <= $0 } ?? true)
                && (targetMegabytes.map { limit in peakMegabytes.map { $0 <= limit } ?? false } ?? true)
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
        public var loadAfter: Double?
        /// The first frames the issue also pins: the TUI's first frame (in this process) and the
        /// clip pane's first video frame in a fresh process, FFmpeg's loading included.
        public var frames: [Row] = []
        /// Why the first video frame was not measured (no FFmpeg, no clip), else nil.
        public var framesProblem: String? = nil
    }

    /// Times `--help`, `eval`, `sweep` and `confusion` of `binary` on `project` (its current
    /// source and thresholds), `runs` times each after one untimed run.
    public static func run(binary: String, project: String, runs: Int, scratch: URL) throws -> Report {
        let loadBefore = loadAverage()
        let launcher = buildLauncher(in: scratch)
        var rows: [Row] = []
        var baselineProblem: String?
        do {
            let hello = try buildHelloWorld(in: scratch)
            rows.append(try measure("swift hello world (Foundation, reads the project's first 4 KB)",
                                    hello, [project], runs: runs, with: launcher))
            // The same program linked as `make build` links blendscope (the Swift runtime and
            // Foundation linked in, no PIE): the floor for that way of linking
            // (context only; the targets' ratio is to the ordinary build above).
            if let hello = try? buildHelloWorld(in: scratch, name: "hello-static",
                                                flags: ["-static-stdlib", "-Xclang-linker", "-no-pie"]) {
                rows.append(try measure("swift hello world linked like blendscope (-static-stdlib, no PIE)",
                                        hello, [project], runs: runs, with: launcher))
            }
        } catch let problem as BaselineProblem {
            baselineProblem = problem.message
        }
        rows.append(try measure("blendscope --help", binary, ["--help"], runs: runs, with: launcher, target: 10,
                                before: "46–49 ms"))
        rows.append(try measure("blendscope eval PROJECT --json", binary, ["eval", project, "--json"], runs: runs,
                                with: launcher, target: 15, megabytes: 25, before: "67 ms, 56 MB"))
        rows.append(try measure("blendscope sweep PROJECT --json", binary, ["sweep", project, "--json"], runs: runs, with: launcher))
        rows.append(try measure("blendscope confusion PROJECT --json", binary, ["confusion", project, "--json"], runs: runs, with: launcher))
        // The ordinary (dynamically linked) hello world is the baseline the targets name.
        let baseline = baselineProblem == nil ? rows.first?.medianMilliseconds : nil
        let eval = rows.first { $0.name.hasPrefix("blendscope eval") }?.medianMilliseconds
        var report = Report(rows: rows, evalToBaseline: baseline.flatMap { b in eval.map { $0 / b } },
                            baselineProblem: baselineProblem, loadBefore: loadBefore, loadAfter: nil)
        (report.frames, report.framesProblem) = firstFrames(binary: binary, project: project, runs: runs, scratch: scratch)
        report.loadAfter = loadAverage()
        return report
    }

    /// The TUI's first frame on `project` (in this process, as `bench --tui` times it), and the
    /// clip pane's first video frame timed inside `runs` fresh processes of `binary`
    /// (`bench --first-video-frame`), where FFmpeg is not loaded yet: the figure includes
    /// `dlopen`ing it. On the project's first linked video, else a 640×480 H.264 clip made here.
    private static func firstFrames(binary: String, project: String, runs: Int, scratch: URL) -> ([Row], String?) {
        let first = TUIBenchmarks.firstFrame(projectPath: project, repeats: runs)
        var rows = [Row(name: "tui first frame (in process)", medianMilliseconds: first.medianMilliseconds,
                        fastestMilliseconds: first.fastestMilliseconds, runs: first.runs, peakMegabytes: nil,
                        targetMilliseconds: 0.23, targetMegabytes: nil, before: "0.23 ms")]
        do {
            let clip = try ClipVideoBenchmark.clipForFreshProcesses(projectPath: project, scratch: scratch)
            var times: [Double] = []
            for _ in 0..<(runs + 1) {
                let output = try ChildProcess.run(URL(fileURLWithPath: binary), ["bench", "--first-video-frame", clip.path])
                let text = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard output.status == 0, let milliseconds = Double(text) else {
                    let why = String(decoding: output.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    return (rows, "the first video frame of \(clip.name): \(why.isEmpty ? text : why)")
                }
                times.append(milliseconds)
            }
            let timed = Array(times.dropFirst())
            rows.append(Row(name: "tui first video frame, fresh process (FFmpeg loaded) · \(clip.name)",
                            medianMilliseconds: median(timed), fastestMilliseconds: timed.min() ?? 0, runs: timed.count,
                            peakMegabytes: nil, targetMilliseconds: 10, targetMegabytes: nil, before: "≤ 10 ms"))
            guard clip.linked else { return (rows, nil) }
            let userRows = try userPath(binary: binary, project: project, clip: clip, runs: runs)
            return (rows + userRows, nil)
        } catch {
            return (rows, "the first video frame: \(error)")
        }
    }

    /// What a user of the workbench waits for on a project with linked videos, timed in `runs`
    /// fresh processes (`bench --first-video-frame … --preload-project`): reading the project
    /// starts loading FFmpeg in the background; once it is loaded a clip is picked. Two rows:
    /// how long after the read began FFmpeg was ready, and the first frame of the clip picked
    /// then. Beside the fresh-process figure above, not instead of it: a clip picked sooner
    /// waits for the rest of the load.
    private static func userPath(binary: String, project: String, clip: (name: String, path: String, linked: Bool),
                                 runs: Int) throws -> [Row] {
        var frames: [Double] = [], ready: [Double] = []
        for _ in 0..<(runs + 1) {
            let output = try ChildProcess.run(URL(fileURLWithPath: binary),
                                              ["bench", "--first-video-frame", clip.path, "--preload-project", project])
            let fields = String(decoding: output.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace)
            guard output.status == 0, fields.count == 2, let frame = Double(fields[0]), let loaded = Double(fields[1]) else {
                let why = String(decoding: output.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                throw RunFailure(description: "the first video frame after the preload of \(clip.name): \(why)")
            }
            frames.append(frame)
            ready.append(loaded)
        }
        let (timed, loads) = (Array(frames.dropFirst()), Array(ready.dropFirst()))
        return [
            Row(name: "workbench reads the project → FFmpeg loaded in the background, fresh process",
                medianMilliseconds: median(loads), fastestMilliseconds: loads.min() ?? 0, runs: loads.count,
                peakMegabytes: nil, targetMilliseconds: nil, targetMegabytes: nil),
            Row(name: "tui first video frame, user's path (clip picked after that preload) · \(clip.name)",
                medianMilliseconds: median(timed), fastestMilliseconds: timed.min() ?? 0, runs: timed.count,
                peakMegabytes: nil, targetMilliseconds: nil, targetMegabytes: nil),
        ]
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
                                with launcher: Launcher, target: Double? = nil, megabytes: Double? = nil,
                                before: String? = nil) throws -> Row {
        // One untimed warm-up run (page cache, dynamic loader caches), then the timed ones.
        let all = try launcher.run(executable, arguments, times: runs + 1)
        let timed = all.dropFirst()
        let times = timed.map(\.milliseconds)
        let peaks = timed.compactMap(\.peakMegabytes), cpu = timed.compactMap(\.cpuMilliseconds)
        return Row(name: name, medianMilliseconds: median(times), fastestMilliseconds: times.min() ?? 0, runs: runs,
                   peakMegabytes: peaks.count == timed.count ? median(peaks) : nil,
                   cpuMilliseconds: cpu.count == timed.count ? median(cpu) : nil,
                   targetMilliseconds: target, targetMegabytes: megabytes, before: before)
    }

    // MARK: - The launcher

    /// What spawns the timed commands. A child's ru_maxrss starts from the memory of the
    /// process it was spawned from: Linux records the old address space's high-water mark at
    /// `execve`, and `posix_spawn` (vfork) shares the parent's. Spawned from the bench, every
    /// child reported the bench's own peak. A small C launcher built in the same run spawns
    /// them instead, so a child's figure is its own (the launcher's ~1 MB is a floor no
    /// command gets near); it also does the timing, around `posix_spawn` and `wait4`.
    /// Without a C compiler the bench spawns them itself and reports no peak.
    enum Launcher {
        case built(String)
        case inProcess

        struct Run {
            let milliseconds: Double
            let peakMegabytes: Double?
            var cpuMilliseconds: Double? = nil
        }

        func run(_ executable: String, _ arguments: [String], times: Int) throws -> [Run] {
            let command = ([executable] + arguments).joined(separator: " ")
            switch self {
            case .inProcess:
                return try (0..<times).map { _ in
                    Run(milliseconds: try StartupBenchmark.spawnAndWait(executable, arguments, command: command), peakMegabytes: nil)
                }
            case .built(let launcher):
                let output = try ChildProcess.run(URL(fileURLWithPath: launcher), ["\(times)", executable] + arguments)
                let lines = String(decoding: output.stdout, as: UTF8.self).split(separator: "\n")
                guard output.status == 0, lines.count == times else {
                    let why = String(decoding: output.stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                    throw RunFailure(description: "`\(command)` failed\(why.isEmpty ? "" : ": \(why)"); run it by hand to see why")
                }
                return try lines.map { line in
                    // `NANOSECONDS MAXRSS_KB CPU_MICROSECONDS`; Linux reports ru_maxrss in kilobytes.
                    let fields = line.split(separator: " ")
                    guard fields.count == 3, let nanoseconds = Double(fields[0]), let kilobytes = Double(fields[1]),
                          let cpu = Double(fields[2]) else {
                        throw RunFailure(description: "the startup launcher printed '\(line)'")
                    }
                    return Run(milliseconds: nanoseconds / 1e6, peakMegabytes: kilobytes / 1024, cpuMilliseconds: cpu / 1000)
                }
            }
        }
    }

    /// Runs ARGV[1] times the command ARGV[2...] with its standard streams on /dev/null, and
    /// prints one line a run: the wall time from just before `posix_spawn` to just after
    /// `wait4` in nanoseconds, the child's ru_maxrss and its user + system CPU time in
    /// microseconds. A failed run stops it (exit 1).
    private static let launcherSource = """
        #include <errno.h>
        #include <fcntl.h>
        #include <spawn.h>
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <sys/resource.h>
        #include <sys/wait.h>
        #include <time.h>

        extern char **environ;

        int main(int argc, char **argv) {
            if (argc < 3) return 2;
            int runs = atoi(argv[1]);
            posix_spawn_file_actions_t actions;
            posix_spawn_file_actions_init(&actions);
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
            for (int i = 0; i < runs; i++) {
                struct timespec start, end;
                struct rusage usage;
                pid_t pid;
                int status;
                clock_gettime(CLOCK_MONOTONIC, &start);
                int spawned = posix_spawn(&pid, argv[2], &actions, NULL, argv + 2, environ);
                if (spawned != 0) { fprintf(stderr, "cannot run %s: %s\\n", argv[2], strerror(spawned)); return 1; }
                while (wait4(pid, &status, 0, &usage) < 0) {
                    if (errno != EINTR) { fprintf(stderr, "wait4: %s\\n", strerror(errno)); return 1; }
                }
                clock_gettime(CLOCK_MONOTONIC, &end);
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) { fprintf(stderr, "status %d\\n", status); return 1; }
                long long ns = (long long)(end.tv_sec - start.tv_sec) * 1000000000LL + (end.tv_nsec - start.tv_nsec);
                long long cpu = (long long)(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000000LL
                                + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
                printf("%lld %ld %lld\\n", ns, usage.ru_maxrss, cpu);
            }
            return 0;
        }

        """

    /// Builds the launcher with the C compiler beside `swiftc` (the toolchain's clang), else
    /// $CC or `cc` on the PATH; `.inProcess` when there is none or it fails.
    private static func buildLauncher(in scratch: URL) -> Launcher {
        let environment = ProcessInfo.processInfo.environment
        let beside = (environment["SWIFTC"] ?? ChildProcess.executable(named: "swiftc")).map { swiftc in
            URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("clang").path
        }
        let compilers = [beside, environment["CC"].flatMap(ChildProcess.executable(named:)) ?? environment["CC"],
                         ChildProcess.executable(named: "cc")].compactMap { $0 }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        guard let compiler = compilers.first,
              (try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)) != nil else {
            return .inProcess
        }
        let source = scratch.appendingPathComponent("launcher.c")
        let binary = scratch.appendingPathComponent("launcher").path
        guard (try? Data(launcherSource.utf8).write(to: source)) != nil,
              (try? ChildProcess.runQuietly(compiler, ["-O2", source.path, "-o", binary])) == 0 else { return .inProcess }
        return .built(binary)
    }

    /// Spawns `executable` with its standard streams on /dev/null and waits for it: wall time
    /// from just before `posix_spawn` to just after `wait4` (no peak: see `Launcher`).
    private static func spawnAndWait(_ executable: String, _ arguments: [String], command: String) throws -> Double {
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
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { throw RunFailure(description: "waitpid failed: \(String(cString: strerror(errno)))") }
        }
        let elapsed = Benchmark.milliseconds(clock.now - start)
        // WIFEXITED / WEXITSTATUS are macros: an exit leaves the low 7 bits zero.
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw RunFailure(description: "`\(command)` failed (status \(status)); run it by hand to see why")
        }
        return elapsed
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
