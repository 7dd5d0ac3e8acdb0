import BlendApp
import BlendTUI
import BlendCore

/// Off-screen timings of the workbench (no terminal): what `blendscope bench --tui` reports.
public enum TUIBenchmarks {
    /// The frame size rendered (a large terminal, so every pane draws).
    public static let frameSize = (width: 160, height: 48)

    /// Times, on the project at `projectPath` (if given) and on `syntheticCount` made-up clips:
    /// the first frame after start (drawn before the project is read, as the runtime does);
    /// the first frame with content (project read, metrics computed, screen drawn); and one
    /// β step on the Thresholds screen (metrics recomputed and a new frame), with the grid
    /// analysis and the per-actor report already in place as they are after loading; the same
    /// step with the Clips table filtered to wrong clips, and the row rebuild that step hands
    /// to the background.
    /// Targets: first frame ≤ 300 ms on the demo and ≤ 1 s at 100,000 clips, a step ≤ 16 ms.
    public static func run(projectPath: String?, syntheticCount: Int = 100_000, repeats: Int = 5) throws -> [BenchmarkResult] {
        let program = WorkbenchProgram()
        var results: [BenchmarkResult] = []
        if let projectPath {
            let label = projectPath.split(separator: "/").last.map(String.init) ?? projectPath
            results.append(firstFrame(projectPath: projectPath, repeats: repeats, label: label, target: 300))
            results += try sourcePicker(projectPath: projectPath, label: label, repeats: repeats)
            results.append(try Benchmark.measure("tui loaded frame · \(label)", repeats: repeats, target: 300) {
                var state = WorkbenchProgram.initialState(path: projectPath, width: frameSize.width, height: frameSize.height)
                _ = program.update(&state, .loaded(try ProjectSnapshot.load(path: projectPath)))
                blackHole(program.frame(state, width: frameSize.width, height: frameSize.height))
            })
        }
        let scored = ScoredClips.synthetic(count: syntheticCount, seed: 42)
        let label = "\(syntheticCount) synthetic clips"
        results.append(Benchmark.measure("tui loaded frame · \(label)", repeats: repeats, target: 1000) {
            var state = WorkbenchProgram.initialState(path: "synthetic", width: frameSize.width, height: frameSize.height)
            _ = program.update(&state, .loaded(snapshot(scored)))
            blackHole(program.frame(state, width: frameSize.width, height: frameSize.height))
        })
        let project = snapshot(scored)
        var state = WorkbenchProgram.initialState(path: "synthetic", width: frameSize.width, height: frameSize.height)
        _ = program.update(&state, .loaded(project))
        _ = program.update(&state, .analysed(ThresholdAnalysis(scored, index: project.index!)))
        _ = program.update(&state, .thresholds(.actorsAnalysed(project.index!.actorBetas(alpha: state.thresholds.alpha))))
        _ = program.update(&state, .app(.run(AppCommands.show(.thresholds))))
        var up = true
        results.append(Benchmark.measure("tui β step + frame · \(label)", repeats: max(repeats, 20), target: 16) {
            _ = program.update(&state, .app(.run(up ? WorkbenchCommands.increase : WorkbenchCommands.decrease)))
            up.toggle()
            blackHole(program.frame(state, width: frameSize.width, height: frameSize.height))
        })
        // The same step with the Clips table filtered to wrong clips: its rows depend on β, and
        // are rebuilt off the UI thread (the effect is not run here), so the step costs the same.
        var filtered = state
        for id in [AppCommands.show(.clips), WorkbenchCommands.clipOutcome, WorkbenchCommands.clipOutcome,
                   AppCommands.show(.thresholds)] {
            _ = program.update(&filtered, .app(.run(id)))
        }
        precondition(filtered.clips.query.outcome == .wrong && filtered.app.screen == .thresholds, "the keys set up the filter")
        results.append(Benchmark.measure("tui β step + frame, Clips filtered to wrong · \(label)", repeats: max(repeats, 20),
                                         target: 16) {
            _ = program.update(&filtered, .app(.run(up ? WorkbenchCommands.increase : WorkbenchCommands.decrease)))
            up.toggle()
            blackHole(program.frame(filtered, width: frameSize.width, height: frameSize.height))
        })
        // What that step leaves to the background: the rebuild of the wrong clips' rows.
        let query = filtered.clips.query, thresholds = filtered.thresholds
        results.append(Benchmark.measure("clip rows rebuild off the UI thread (wrong, by name) · \(label)", repeats: repeats) {
            blackHole(query.rows(scored, at: thresholds, review: nil))
        })
        results += try ClipVideoBenchmark.run(projectPath: projectPath, repeats: max(repeats, 9))
        return results
    }

    /// The first frame after start, drawn before the project is read (as the runtime does).
    /// `bench --startup` shows it beside the figure with its own label.
    public static func firstFrame(projectPath: String, repeats: Int, label: String? = nil, target: Double? = nil)
        -> BenchmarkResult {
        let program = WorkbenchProgram()
        let name = label.map { "tui first frame · \($0)" } ?? "tui first frame"
        return Benchmark.measure(name, repeats: repeats, target: target) {
            var state = WorkbenchProgram.initialState(path: projectPath, width: frameSize.width, height: frameSize.height)
            _ = program.update(&state, .load)
            blackHole(program.frame(state, width: frameSize.width, height: frameSize.height))
        }
    }

    /// The source picker's rows (every source's coverage and Score at its own thresholds): on
    /// a session of its own, each own best swept; and, as in the workbench, once the
    /// Overview's encoder table has swept the encoders in the same session.
    static func sourcePicker(projectPath: String, label: String, repeats: Int) throws -> [BenchmarkResult] {
        let cold = try Benchmark.measure("source picker rows, nothing swept · \(label)", repeats: repeats) {
            blackHole(try ProjectSession(path: projectPath).sourceChoices())
        }
        let session = try ProjectSession(path: projectPath)
        blackHole(try session.encodersAtOwnBest())
        let shared = try Benchmark.measure("source picker rows after the Overview · \(label)", repeats: repeats) {
            blackHole(try session.sourceChoices())
        }
        return [cold, shared]
    }

    private static func snapshot(_ scored: ScoredClips) -> ProjectSnapshot {
        ProjectSnapshot(path: "synthetic", clips: scored.clips, encoders: [], fusionCount: 0, source: .encoder("synthetic"),
                        thresholds: Thresholds(alpha: 0.1, beta: 0.2), scored: scored)
    }
}
